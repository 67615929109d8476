package io.columnline.adapters.http.prospects;

import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.adapters.http.shared.Json;
import io.columnline.adapters.http.shared.MalformedBody;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.prospect.Company;
import io.columnline.domain.prospect.Contact;
import io.columnline.domain.prospect.FieldValues;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Companies and contacts as JSON objects keyed by the seed's field names, and patches read back. */
final class ProspectViews {
    private ProspectViews() {}

    static Map<String, Object> company(Company c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", c.id().toString());
        view.put("client_id", c.client().toString());
        fields(view, c.values());
        view.put("created_at", c.createdAt());
        view.put("updated_at", c.updatedAt());
        return view;
    }

    static Map<String, Object> contact(Contact c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", c.id().toString());
        view.put("client_id", c.client().toString());
        view.put("company_id", c.companyId().map(Object::toString).orElse(null));
        view.put("run_id", c.runId().map(Object::toString).orElse(null));
        view.put("dossier_id", c.dossierId().map(Object::toString).orElse(null));
        fields(view, c.values());
        view.put("created_at", c.createdAt());
        view.put("updated_at", c.updatedAt());
        return view;
    }

    private static void fields(Map<String, Object> view, FieldValues values) {
        values.values()
                .forEach((name, value) ->
                        view.put(name, value instanceof JsonDocument document ? Json.node(document) : value));
    }

    /** A JSON patch object as the text a person would write for each field; {@code null} empties it. */
    static Map<String, String> patch(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new MalformedBody("the body must be a JSON object of fields to change");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            var entry = it.next();
            values.put(entry.getKey(), text(entry.getKey(), entry.getValue()));
        }
        return values;
    }

    private static String text(String field, JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.decimalValue().toPlainString();
        }
        if (node.isBoolean()) {
            return Boolean.toString(node.booleanValue());
        }
        if (node.isArray() || node.isObject()) {
            return Json.document(node).text();
        }
        throw new Invalid(field, "has a value of an unsupported type");
    }
}
