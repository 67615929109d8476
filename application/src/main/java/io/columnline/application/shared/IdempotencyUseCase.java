package io.columnline.application.shared;

import io.columnline.application.shared.IdempotencyRecords.Claim;
import io.columnline.application.shared.IdempotencyRecords.StoredResponse;
import io.columnline.domain.access.Caller;

/** Stripe-style replay of POSTs sent with an {@code Idempotency-Key}. */
public interface IdempotencyUseCase {
    Claim claim(Caller caller, String key, String fingerprint);

    void complete(Caller caller, String key, StoredResponse response);

    /**
     * Runs the claimed request's work and stores its answer in the same transaction, so that a
     * process killed in between leaves neither: the claim is then taken over by a retry after its
     * lease, and the request runs once. A failure of the work rolls it back and is thrown; an
     * answer of null releases the claim (a server error, for the retry to run again).
     */
    <T> T answer(
            Caller caller,
            String key,
            java.util.function.Supplier<T> work,
            java.util.function.Function<T, StoredResponse> stored);

    void release(Caller caller, String key);

    int purgeExpired();
}
