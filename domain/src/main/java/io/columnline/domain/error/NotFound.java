package io.columnline.domain.error;

/** The object does not exist, or the caller may not know that it exists. */
public final class NotFound extends DomainException {
    public NotFound(String what, Object id) {
        super(what + " '" + id + "' was not found");
    }
}
