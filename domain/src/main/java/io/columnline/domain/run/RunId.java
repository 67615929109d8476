package io.columnline.domain.run;

import java.util.Objects;
import java.util.UUID;

public record RunId(UUID value) {
    public RunId {
        Objects.requireNonNull(value, "value");
    }

    public static RunId random() {
        return new RunId(UUID.randomUUID());
    }

    /** Whether the text is a UUID in its canonical 36-character form: a run id rather than an external id. */
    public static boolean parses(String text) {
        if (text == null || text.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
