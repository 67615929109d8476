package io.columnline.adapters.http.shared;

/** The key sent more requests than its rate allows: 429 with Retry-After. */
final class RateLimited extends RuntimeException {
    private final long retryAfterSeconds;

    RateLimited(long retryAfterSeconds) {
        super("this API key sent more requests than COLUMNLINE_RATE_LIMIT_PER_KEY allows; send it again in "
                + retryAfterSeconds + " s (Retry-After)");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
