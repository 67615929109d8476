package io.columnline.domain.error;

/** The request is well formed but clashes with the current state (a finished run, a different replay). */
public final class Conflict extends DomainException {
    public Conflict(String message) {
        super(message);
    }
}
