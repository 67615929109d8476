package io.columnline.domain.json;

import java.util.Objects;

/**
 * A JSON value the domain stores and hands back without looking inside. The text is canonical
 * (keys sorted, no insignificant whitespace) so two equal documents compare equal.
 */
public record JsonDocument(String text) {
    public static final JsonDocument EMPTY_OBJECT = new JsonDocument("{}");

    public JsonDocument {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a JSON document cannot be blank");
        }
    }
}
