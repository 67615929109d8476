package io.columnline.domain;

import io.columnline.domain.error.Invalid;
import java.util.regex.Pattern;

/** The shape every machine key (stage, step key, slug, prompt key) shares: {@code [a-z0-9_.-]}. */
public final class Key {
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9_.-]{1,200}");

    private Key() {}

    public static String check(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new Invalid(field, "is required");
        }
        if (!SHAPE.matcher(value).matches()) {
            throw new Invalid(
                    field, "'" + value + "' may only contain a-z, 0-9, '_', '.' and '-' (at most 200 characters)");
        }
        return value;
    }
}
