package io.columnline.domain.usage;

import java.util.Arrays;
import java.util.Optional;

/**
 * Step latencies counted in fixed log-scale buckets, so counts from any number of hours and
 * groups merge by adding them and p50/p95 come from the merged counts. Bucket 0 holds latencies
 * under 1 ms; bucket i (1..62) holds [2^((i-1)/3), 2^(i/3)) ms, three buckets per doubling; bucket
 * 63 holds everything from 2^(62/3) ms (about 28 minutes) up. A percentile is reported as its
 * bucket's geometric middle, so it is within a factor of 2^(1/6) (12.3%) of the true value
 * ({@link #RELATIVE_ERROR}); in the last bucket it is that bucket's lower bound. The Postgres
 * rollups use the same formula in SQL ({@code usage_latency_bucket}).
 */
public record LatencySketch(long[] counts) {
    public static final int BUCKETS = 64;

    /** The most a reported percentile is off from the true one, as a share of the true one. */
    public static final double RELATIVE_ERROR = Math.pow(2, 1.0 / 6) - 1;

    public LatencySketch {
        if (counts.length != BUCKETS) {
            throw new IllegalArgumentException("a latency sketch has " + BUCKETS + " buckets");
        }
        counts = counts.clone();
    }

    public static LatencySketch empty() {
        return new LatencySketch(new long[BUCKETS]);
    }

    public static int bucket(long latencyMs) {
        if (latencyMs < 1) {
            return 0;
        }
        // 1e-9 keeps exact powers of two in the bucket they open despite rounding in the logarithm
        return (int) Math.min(BUCKETS - 1, 1 + Math.floor(3 * Math.log(latencyMs) / Math.log(2) + 1e-9));
    }

    public LatencySketch with(long latencyMs) {
        long[] next = counts.clone();
        next[bucket(latencyMs)]++;
        return new LatencySketch(next);
    }

    public LatencySketch plus(LatencySketch other) {
        long[] next = counts.clone();
        for (int i = 0; i < BUCKETS; i++) {
            next[i] += other.counts[i];
        }
        return new LatencySketch(next);
    }

    public long total() {
        return Arrays.stream(counts).sum();
    }

    /** The {@code share} (0..1] percentile in whole milliseconds; empty when nothing was counted. */
    public Optional<Long> percentile(double share) {
        long total = total();
        if (total == 0) {
            return Optional.empty();
        }
        long rank = Math.max(1, (long) Math.ceil(share * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Optional.of(representative(i));
            }
        }
        throw new IllegalStateException("unreachable: the ranks add up to the total");
    }

    private static long representative(int bucket) {
        if (bucket == 0) {
            return 0;
        }
        double lower = Math.pow(2, (bucket - 1) / 3.0);
        return bucket == BUCKETS - 1 ? (long) Math.ceil(lower) : Math.round(lower * Math.pow(2, 1.0 / 6));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatencySketch other && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "LatencySketch" + Arrays.toString(counts);
    }
}
