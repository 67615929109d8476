package io.columnline.domain.error;

/** A rule of the domain refused something; adapters turn the subtype into their own status. */
public abstract sealed class DomainException extends RuntimeException
        permits NotFound, Conflict, Invalid, Unauthenticated, Forbidden, Unavailable {

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
