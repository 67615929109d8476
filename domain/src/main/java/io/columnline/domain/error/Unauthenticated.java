package io.columnline.domain.error;

/** No key, or a key that is unknown or revoked. */
public final class Unauthenticated extends DomainException {
    public Unauthenticated(String message) {
        super(message);
    }
}
