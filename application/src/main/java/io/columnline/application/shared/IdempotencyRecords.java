package io.columnline.application.shared;

import io.columnline.domain.access.ApiKeyId;
import java.time.Instant;

/** Stored answers to requests sent with an {@code Idempotency-Key}, per API key. */
public interface IdempotencyRecords {

    /**
     * Claims the key for this request, or tells what an earlier request with it left. A claim of the
     * same request that never answered and was made before {@code abandonedBefore} belonged to a
     * process that died (killed, crashed) while it ran: it is taken over, so that a retry runs the
     * request again instead of being told it is in flight until the record expires.
     */
    Claim claim(ApiKeyId owner, String key, String fingerprint, Instant now, Instant abandonedBefore);

    void complete(ApiKeyId owner, String key, StoredResponse response);

    /** Forgets an unfinished claim so that a retry can run the request again. */
    void release(ApiKeyId owner, String key);

    /** Deletes records created before the instant; returns how many. */
    int purgeCreatedBefore(Instant cutoff);

    record StoredResponse(int status, String contentType, byte[] body) {}

    sealed interface Claim {
        record Claimed() implements Claim {}

        record Replay(StoredResponse response) implements Claim {}

        record DifferentRequest() implements Claim {}

        record InFlight() implements Claim {}
    }
}
