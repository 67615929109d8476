package io.columnline.adapters.http.shared;

/**
 * Where to listen, how large a JSON body may be, how many worker threads serve requests, how many
 * requests of the queued routes (publishing) run at once while the rest wait their turn, and how
 * many may wait: one more is answered 503 with Retry-After. Each API key may send
 * {@code rateLimitPerKey} requests a second, in bursts of {@code rateLimitBurst} (0: no limit);
 * beyond that, 429 with Retry-After.
 */
public record HttpConfig(
        String host,
        int port,
        long maxBodyBytes,
        int workerThreads,
        int queuedConcurrency,
        int queueLimit,
        double rateLimitPerKey,
        double rateLimitBurst) {
    /** No rate limit. */
    public HttpConfig(
            String host, int port, long maxBodyBytes, int workerThreads, int queuedConcurrency, int queueLimit) {
        this(host, port, maxBodyBytes, workerThreads, queuedConcurrency, queueLimit, 0, 0);
    }

    public HttpConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("the body limit must be at least 1024 bytes");
        }
        if (workerThreads < 1 || queuedConcurrency < 1) {
            throw new IllegalArgumentException("worker threads and queued concurrency must be at least 1");
        }
        if (queueLimit < 0) {
            throw new IllegalArgumentException("the queue limit must not be negative");
        }
        if (rateLimitPerKey < 0 || (rateLimitPerKey > 0 && rateLimitBurst < 1)) {
            throw new IllegalArgumentException("the rate limit must not be negative and its burst at least 1");
        }
    }
}
