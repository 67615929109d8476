package io.columnline.application.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Values read from storage, remembered for a while so that a hot path skips the query. A value is
 * served for {@code freshFor} after it was read; a write through this process forgets at once, and a
 * read that overlapped a {@link #forgetAll()} is not remembered, so this process never serves what
 * it knows to be stale. Writes by other processes apply within {@code freshFor}.
 */
public final class Remembered<K, V> {
    private record Entry<V>(V value, Instant readAt, long generation) {}

    private final Duration freshFor;
    private final int maxEntries;
    private final Clock clock;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    /** Counts {@link #forgetAll()}: an entry remembered under an older count is stale. */
    private final AtomicLong generation = new AtomicLong();

    /** Beyond {@code maxEntries} keys everything is forgotten at once, which bounds the memory. */
    public Remembered(Duration freshFor, int maxEntries, Clock clock) {
        if (freshFor.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("freshFor must not be negative and maxEntries at least 1");
        }
        this.freshFor = freshFor;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The value remembered for {@code key} while fresh, else what {@code read} answers now. */
    public V get(K key, Supplier<V> read) {
        return fresh(key).orElseGet(() -> reread(key, read));
    }

    /** The value remembered for {@code key}, if it is still fresh. */
    public Optional<V> fresh(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null
                || entry.generation() != generation.get()
                || clock.instant().isAfter(entry.readAt().plus(freshFor))) {
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /**
     * Reads {@code key} again, whatever is remembered, and remembers the answer. A read that throws
     * remembers nothing, so what is not found is asked for again next time.
     */
    public V reread(K key, Supplier<V> read) {
        long before = generation.get();
        Instant at = clock.instant();
        V value = read.get();
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, at, before));
        return value;
    }

    /** A write changed what may be remembered: nothing read before now is served again. */
    public void forgetAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    /** Forgets the values {@code which} names, for a write that changed only those. */
    public void forgetIf(Predicate<V> which) {
        entries.values().removeIf(entry -> which.test(entry.value()));
    }
}
