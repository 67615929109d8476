package io.columnline.domain.client;

import io.columnline.domain.error.Invalid;
import java.util.regex.Pattern;

/** The human name of a tenant in URLs and CLI flags: lower case letters, digits and dashes. */
public record ClientSlug(String value) {
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public ClientSlug {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new Invalid(
                    "client",
                    "'" + value
                            + "' is not a client slug: use 1-63 lower case letters, digits or '-', starting with a letter or digit");
        }
    }

    /** Whether the text has a slug's shape. */
    public static boolean isSlug(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
