package io.columnline.domain.error;

/** The instance cannot answer this yet (a search index being rebuilt); the same request later can. */
public final class Unavailable extends DomainException {
    public Unavailable(String message) {
        super(message);
    }
}
