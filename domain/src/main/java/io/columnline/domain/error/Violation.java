package io.columnline.domain.error;

import java.util.Objects;

/** One problem with one input field; {@code field} is a dotted path or JSON pointer. */
public record Violation(String field, String message) {
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
