package io.columnline.adapters.http.origin;

import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.adapters.http.shared.Json;
import io.columnline.adapters.http.shared.Request;
import io.columnline.domain.error.Invalid;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An origin body, read leniently as the origin read it: fields this family has no use for are
 * answered in {@code warnings} instead of refused; a field it uses must still have the right type.
 */
final class OriginBody {
    private final JsonNode node;
    private final List<String> warnings = new ArrayList<>();

    private OriginBody(JsonNode node, Set<String> used) {
        this.node = node;
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!used.contains(name)) {
                warnings.add(name + " is not used by Columnline and was ignored");
            }
        }
    }

    /** The body, or {@code {}} when there is none; {@code used} are the fields that have a meaning here. */
    static OriginBody of(Request request, Set<String> used) {
        JsonNode node = request.bodyBytes().length == 0 ? Json.object() : request.json();
        if (!node.isObject()) {
            Json.bind(node, Object.class); // refuses a non-object body exactly as every other route does
        }
        return new OriginBody(node, used);
    }

    Optional<String> text(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isTextual()) {
            return Optional.of(value.textValue()).filter(s -> !s.isBlank());
        }
        if (value.isNumber()) {
            return Optional.of(value.asText());
        }
        throw new Invalid(field, "must be a string");
    }

    String required(String field, String what) {
        return text(field).orElseThrow(() -> new Invalid(field, "is required: " + what));
    }

    Optional<Integer> integer(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.canConvertToInt() && value.isIntegralNumber()) {
            return Optional.of(value.intValue());
        }
        if (value.isTextual() && value.textValue().strip().matches("[0-9]{1,9}")) {
            return Optional.of(Integer.parseInt(value.textValue().strip()));
        }
        throw new Invalid(field, "must be a whole number");
    }

    Optional<JsonNode> json(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    /** Adds a warning about a field whose meaning is kept elsewhere or not yet. */
    void warn(String warning) {
        warnings.add(warning);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }
}
