package io.columnline.domain.prospect;

/** A value in a file or request cannot be read as its field's type; the message says why. */
public final class BadValue extends RuntimeException {
    public BadValue(String reason) {
        super(reason, null, false, false);
    }
}
