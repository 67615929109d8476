package io.columnline.adapters.http.shared;

/** The body could not be read as JSON at all: 400, unlike a well-formed but invalid body (422). */
public final class MalformedBody extends RuntimeException {
    public MalformedBody(String message) {
        super(message, null, false, false);
    }
}
