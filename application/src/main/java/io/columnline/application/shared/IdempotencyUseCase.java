package io.columnline.application.shared;

import io.columnline.application.shared.IdempotencyRecords.Claim;
import io.columnline.application.shared.IdempotencyRecords.StoredResponse;
import io.columnline.domain.access.Caller;

/** Stripe-style replay of POSTs sent with an {@code Idempotency-Key}. */
public interface IdempotencyUseCase {
    Claim claim(Caller caller, String key, String fingerprint);

    void complete(Caller caller, String key, StoredResponse response);

    void release(Caller caller, String key);

    int purgeExpired();
}
