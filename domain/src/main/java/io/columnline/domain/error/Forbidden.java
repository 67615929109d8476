package io.columnline.domain.error;

/** A valid key asked for something only an admin key may do. */
public final class Forbidden extends DomainException {
    public Forbidden(String message) {
        super(message);
    }
}
