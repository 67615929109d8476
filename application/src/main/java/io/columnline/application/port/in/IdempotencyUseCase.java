package io.columnline.application.port.in;

import io.columnline.application.port.out.IdempotencyRecords.Claim;
import io.columnline.application.port.out.IdempotencyRecords.StoredResponse;
import io.columnline.domain.access.Caller;

/** Stripe-style replay of POSTs sent with an {@code Idempotency-Key}. */
public interface IdempotencyUseCase {
    Claim claim(Caller caller, String key, String fingerprint);

    void complete(Caller caller, String key, StoredResponse response);

    void release(Caller caller, String key);

    int purgeExpired();
}
