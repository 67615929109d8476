package io.columnline.application.shared;

import io.columnline.application.shared.IdempotencyRecords.Claim;
import io.columnline.application.shared.IdempotencyRecords.StoredResponse;
import io.columnline.domain.access.Caller;
import io.columnline.domain.error.Invalid;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

public final class IdempotencyService implements IdempotencyUseCase {
    /** Records are kept at least 24 hours; a day more leaves room for slow clocks and late retries. */
    static final Duration RETENTION = Duration.ofHours(48);

    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyRecords records;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration abandonedAfter;

    /**
     * {@code lease}: how long a claim without an answer counts as in flight. Longer than any request
     * runs; after it, the claim is taken as left behind by a process that died.
     */
    @Inject
    public IdempotencyService(IdempotencyRecords records, Transactions transactions, Clock clock, Lease lease) {
        this.records = records;
        this.transactions = transactions;
        this.clock = clock;
        this.abandonedAfter = lease.abandonedAfter();
    }

    /** How long an unanswered claim counts as in flight ({@code COLUMNLINE_IDEMPOTENCY_LEASE_MS}). */
    public record Lease(Duration abandonedAfter) {}

    @Override
    public Claim claim(Caller caller, String key, String fingerprint) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new Invalid("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        var now = clock.instant();
        return records.claim(caller.keyId(), key, fingerprint, now, now.minus(abandonedAfter));
    }

    @Override
    public void complete(Caller caller, String key, StoredResponse response) {
        records.complete(caller.keyId(), key, response);
    }

    @Override
    public <T> T answer(
            Caller caller,
            String key,
            java.util.function.Supplier<T> work,
            java.util.function.Function<T, StoredResponse> stored) {
        return transactions.inTransaction(() -> {
            T result = work.get();
            StoredResponse answer = stored.apply(result);
            if (answer == null) {
                records.release(caller.keyId(), key);
            } else {
                records.complete(caller.keyId(), key, answer);
            }
            return result;
        });
    }

    @Override
    public void release(Caller caller, String key) {
        records.release(caller.keyId(), key);
    }

    @Override
    public int purgeExpired() {
        return records.purgeCreatedBefore(clock.instant().minus(RETENTION));
    }
}
