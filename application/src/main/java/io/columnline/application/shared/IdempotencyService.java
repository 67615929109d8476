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
    private final Clock clock;

    @Inject
    public IdempotencyService(IdempotencyRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Override
    public Claim claim(Caller caller, String key, String fingerprint) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new Invalid("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        return records.claim(caller.keyId(), key, fingerprint, clock.instant());
    }

    @Override
    public void complete(Caller caller, String key, StoredResponse response) {
        records.complete(caller.keyId(), key, response);
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
