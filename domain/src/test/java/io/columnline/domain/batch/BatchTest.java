package io.columnline.domain.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.client.ClientProfile;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.Seed;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchTest {
    static final Instant NOW = Instant.parse("2026-11-22T23:30:00Z");
    static final Seed SEED = new Seed("Acme", "acme.com", Optional.empty(), new JsonDocument("{}"));

    static Client client(String zone) {
        return Client.create(
                ClientId.random(),
                new ClientSlug("acme"),
                Client.settings("Acme", zone, null),
                ClientProfile.EMPTY,
                NOW);
    }

    @Test
    void a_batch_is_named_after_the_pipeline_version_and_the_client_s_local_day() {
        Run run = Run.start(RunId.random(), ClientId.random(), SEED, Optional.of("v2.1-beta"), Optional.empty(), NOW);
        Batch berlin = Batch.open(BatchId.random(), run, client("Europe/Berlin"), NOW);
        Batch utc = Batch.open(BatchId.random(), run, client("UTC"), NOW);
        assertThat(berlin.name()).isEqualTo("V2.1-BETA_20261123");
        assertThat(berlin.day()).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(utc.name()).isEqualTo("V2.1-BETA_20261122");
    }

    @Test
    void a_batch_is_complete_when_every_run_it_counts_failed_or_was_published() {
        assertThat(BatchCounts.NONE.status()).isEqualTo(BatchStatus.IN_PROGRESS);
        assertThat(new BatchCounts(3, 1, 1).status()).isEqualTo(BatchStatus.IN_PROGRESS);
        assertThat(new BatchCounts(3, 1, 1).runsInProgress()).isEqualTo(1);
        assertThat(new BatchCounts(3, 1, 2).status()).isEqualTo(BatchStatus.COMPLETE);
        assertThatThrownBy(() -> new BatchCounts(1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
