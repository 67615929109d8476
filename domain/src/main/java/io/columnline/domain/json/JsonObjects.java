package io.columnline.domain.json;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a flat JSON object in canonical form (keys sorted, no white space) from plain values:
 * text, numbers, booleans, null, and documents that are embedded as they are.
 */
public final class JsonObjects {
    private JsonObjects() {}

    public static JsonDocument object(Map<String, ?> fields) {
        var text = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, ?> field : new TreeMap<>(fields).entrySet()) {
            if (!first) {
                text.append(',');
            }
            first = false;
            string(text, field.getKey());
            text.append(':');
            value(text, field.getValue());
        }
        return new JsonDocument(text.append('}').toString());
    }

    private static void value(StringBuilder text, Object value) {
        switch (value) {
            case null -> text.append("null");
            case JsonDocument document -> text.append(document.text());
            case Boolean b -> text.append(b);
            case BigDecimal d -> text.append(d.toPlainString());
            case Integer i -> text.append(i);
            case Long l -> text.append(l);
            case CharSequence s -> string(text, s.toString());
            default -> string(text, value.toString());
        }
    }

    private static void string(StringBuilder text, String value) {
        JsonText.quote(text, value);
    }
}
