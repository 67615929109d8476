package io.columnline.application.shared;

import io.columnline.domain.access.ApiKeyId;
import java.time.Instant;

/** Stored answers to requests sent with an {@code Idempotency-Key}, per API key. */
public interface IdempotencyRecords {

    /** Claims the key for this request, or tells what an earlier request with it left. */
    Claim claim(ApiKeyId owner, String key, String fingerprint, Instant now);

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
