package io.columnline.adapters.http.shared;

final class BodyTooLarge extends RuntimeException {
    BodyTooLarge(long limit) {
        super("the body is larger than the limit of " + limit + " bytes", null, false, false);
    }
}
