package io.columnline.application.shared;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.shared.IdempotencyRecords.Claim;
import io.columnline.application.shared.IdempotencyRecords.StoredResponse;
import io.columnline.domain.access.ApiKeyId;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

public abstract class IdempotencyRecordsContract {
    protected abstract IdempotencyRecords records();

    private final ApiKeyId owner = ApiKeyId.random();

    @Test
    void the_first_claim_wins_and_a_second_sees_it_in_flight() {
        assertThat(records().claim(owner, "k1", "f1", NOW, NOW.minusSeconds(60)))
                .isInstanceOf(Claim.Claimed.class);
        assertThat(records().claim(owner, "k1", "f1", NOW, NOW.minusSeconds(60)))
                .isInstanceOf(Claim.InFlight.class);
        assertThat(records().claim(owner, "k1", "f2", NOW, NOW.minusSeconds(60)))
                .isInstanceOf(Claim.DifferentRequest.class);
    }

    @Test
    void a_completed_claim_replays_its_response() {
        records().claim(owner, "k1", "f1", NOW, NOW.minusSeconds(60));
        byte[] body = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
        records().complete(owner, "k1", new StoredResponse(201, "application/json", body));

        Claim again = records().claim(owner, "k1", "f1", NOW, NOW.minusSeconds(60));
        assertThat(again).isInstanceOf(Claim.Replay.class);
        StoredResponse replay = ((Claim.Replay) again).response();
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.contentType()).isEqualTo("application/json");
        assertThat(replay.body()).isEqualTo(body);
    }

    @Test
    void keys_are_separate_per_owner_and_a_released_claim_can_be_taken_again() {
        records().claim(owner, "k1", "f1", NOW, NOW.minusSeconds(60));
        assertThat(records().claim(ApiKeyId.random(), "k1", "other", NOW, NOW.minusSeconds(60)))
                .isInstanceOf(Claim.Claimed.class);
        records().release(owner, "k1");
        assertThat(records().claim(owner, "k1", "f9", NOW, NOW.minusSeconds(60)))
                .isInstanceOf(Claim.Claimed.class);
    }

    @Test
    void purge_removes_only_old_records() {
        records()
                .claim(
                        owner,
                        "old",
                        "f",
                        NOW.minusSeconds(100),
                        NOW.minusSeconds(100).minusSeconds(60));
        records().claim(owner, "new", "f", NOW, NOW.minusSeconds(60));
        assertThat(records().purgeCreatedBefore(NOW.minusSeconds(50))).isEqualTo(1);
        assertThat(records().claim(owner, "new", "f", NOW, NOW.minusSeconds(60)))
                .isInstanceOf(Claim.InFlight.class);
    }

    @Test
    void a_claim_left_unanswered_past_its_lease_is_taken_over_once() {
        // the process that claimed it was killed before it answered; a retry must run the request
        records().claim(owner, "k1", "f1", NOW.minusSeconds(120), NOW.minusSeconds(180));
        assertThat(records().claim(owner, "k1", "f1", NOW, NOW.minusSeconds(60)))
                .isInstanceOf(Claim.Claimed.class);
        assertThat(records().claim(owner, "k1", "f1", NOW, NOW.minusSeconds(60)))
                .isInstanceOf(Claim.InFlight.class);
        assertThat(records().claim(owner, "k1", "f2", NOW, NOW.minusSeconds(60)))
                .isInstanceOf(Claim.DifferentRequest.class);
        // an answered claim replays however old it is
        records().complete(owner, "k1", new StoredResponse(201, "application/json", new byte[0]));
        assertThat(records().claim(owner, "k1", "f1", NOW.plusSeconds(600), NOW.plusSeconds(540)))
                .isInstanceOf(Claim.Replay.class);
    }
}
