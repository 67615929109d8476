package io.columnline.application.shared;

import io.columnline.domain.error.Invalid;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A keyset position: the sort values of the last row a page returned. Opaque to callers (base64 of
 * the values joined by a unit separator) so the sort can change without breaking their loops.
 */
public record Cursor(List<String> values) {
    private static final String SEPARATOR = "\u001f";

    public Cursor {
        values = List.copyOf(values);
    }

    public static Cursor of(String... values) {
        return new Cursor(List.of(values));
    }

    public String value(int index) {
        return values.get(index);
    }

    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.join(SEPARATOR, values).getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String text) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            return new Cursor(List.of(joined.split(Pattern.quote(SEPARATOR), -1)));
        } catch (IllegalArgumentException e) {
            throw new Invalid("cursor", "is not a cursor this API returned; pass next_cursor unchanged");
        }
    }
}
