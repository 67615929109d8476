package io.columnline.adapters.http.shared;

import io.columnline.domain.access.ApiKeyId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per API key: {@code perSecond} requests a second on average, up to {@code burst} at
 * once. One key's requests share its bucket across every route, and no key waits for another's.
 */
final class RateLimit {
    /** Idle buckets are full again and can go; past this many keys the full ones are dropped. */
    private static final int MAX_BUCKETS = 100_000;

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanos;
    private final Map<ApiKeyId, Bucket> buckets = new ConcurrentHashMap<>();

    /** {@code perSecond} 0 means no limit. */
    RateLimit(double perSecond, double burst, LongSupplier nanos) {
        if (perSecond < 0 || (perSecond > 0 && burst < 1)) {
            throw new IllegalArgumentException("the rate must not be negative and the burst at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanos = nanos;
    }

    boolean limits() {
        return perSecond > 0;
    }

    /** Takes one request of {@code key}'s allowance: 0 when it may go now, else whole seconds to wait. */
    long take(ApiKeyId key) {
        if (!limits()) {
            return 0;
        }
        long now = nanos.getAsLong();
        if (buckets.size() >= MAX_BUCKETS) {
            buckets.values().removeIf(b -> b.fullAt(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(now)).take(now);
    }

    private final class Bucket {
        private double tokens = burst;
        private long last;

        Bucket(long now) {
            this.last = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perSecond);
        }

        synchronized boolean fullAt(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            tokens = Math.min(burst, tokens + (now - last) * perSecond / 1e9);
            last = now;
        }
    }
}
