package io.columnline.adapters.http;

/** The body could not be read as JSON at all: 400, unlike a well-formed but invalid body (422). */
final class MalformedBody extends RuntimeException {
    MalformedBody(String message) {
        super(message, null, false, false);
    }
}
