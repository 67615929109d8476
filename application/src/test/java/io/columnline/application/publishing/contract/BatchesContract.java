package io.columnline.application.publishing.contract;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.application.publishing.port.out.Batches;
import io.columnline.application.publishing.port.out.Batches.Counted;
import io.columnline.application.shared.Fixtures;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.domain.batch.Batch;
import io.columnline.domain.batch.BatchCounts;
import io.columnline.domain.batch.BatchId;
import io.columnline.domain.batch.BatchStatus;
import io.columnline.domain.client.Client;
import io.columnline.domain.run.Run;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link Batches} adapter must do; run against the in-memory and the Postgres one. */
public abstract class BatchesContract {
    protected abstract Batches batches();

    protected abstract Runs runs();

    protected abstract Clients clients();

    private Client client() {
        Client client =
                Fixtures.client("bc-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        clients().save(client);
        return client;
    }

    private Run run(Client client, java.time.Instant at) {
        Run run = DossierFixtures.run(client, DossierFixtures.seed("Acme", "acme.com"), at);
        runs().insert(run);
        return run;
    }

    @Test
    void a_batch_is_found_by_id_name_and_run_and_counts_its_runs_as_they_are() {
        Client client = client();
        Run first = run(client, NOW);
        Batch batch = DossierFixtures.batch(client, first);
        batches().insert(batch);
        batches().addRun(batch, first.id());

        assertThat(batch.name()).isEqualTo("V2_20261122");
        assertThat(batches().byId(batch.id())).contains(batch);
        assertThat(batches().byName(client.id(), "V2_20261122")).contains(batch);
        assertThat(batches().ofRun(first.id())).contains(batch);
        assertThat(batches().ofRun(run(client, NOW).id())).isEmpty();
        assertThat(batches().counts(batch.id())).isEqualTo(new BatchCounts(1, 0, 0));

        Run failed = run(client, NOW);
        Run published = run(client, NOW);
        batches().addRun(batch, failed.id());
        batches().addRun(batch, published.id());
        runs().update(failed.fail("boom", NOW.plusSeconds(1)));
        runs().update(published.publish(NOW.plusSeconds(2)));
        assertThat(batches().counts(batch.id())).isEqualTo(new BatchCounts(3, 1, 1));
        runs().update(first.complete(NOW.plusSeconds(3)).publish(NOW.plusSeconds(4)));
        assertThat(batches().counts(batch.id()).status()).isEqualTo(BatchStatus.COMPLETE);
        assertThat(batches().counts(BatchId.random())).isEqualTo(BatchCounts.NONE);
        assertThatThrownBy(() -> batches().insert(DossierFixtures.batch(client, first)))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void batches_page_newest_day_first_and_filter_by_client_and_status() {
        Client client = client();
        client();
        List<Batch> made = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            Run run = run(client, NOW.plus(Duration.ofDays(day)));
            Batch batch = DossierFixtures.batch(client, run);
            batches().insert(batch);
            batches().addRun(batch, run.id());
            if (day % 2 == 0) {
                runs().update(run.fail("boom", NOW.plus(Duration.ofDays(day))));
            }
            made.add(batch);
        }
        var all = new Batches.Query(Optional.of(client.id()), Optional.empty());
        List<Batch> seen = new ArrayList<>();
        Page<Counted> page = batches().list(all, PageRequest.first(2));
        page.items().forEach(c -> seen.add(c.batch()));
        while (page.next().isPresent()) {
            page = batches().list(all, new PageRequest(2, page.next()));
            page.items().forEach(c -> seen.add(c.batch()));
        }
        assertThat(seen).containsExactly(made.get(4), made.get(3), made.get(2), made.get(1), made.get(0));
        assertThat(batches()
                        .list(
                                new Batches.Query(Optional.of(client.id()), Optional.of(BatchStatus.COMPLETE)),
                                PageRequest.first(10))
                        .items())
                .extracting(Counted::batch)
                .containsExactly(made.get(4), made.get(2), made.get(0));
        assertThat(batches()
                        .list(
                                new Batches.Query(Optional.of(client.id()), Optional.of(BatchStatus.IN_PROGRESS)),
                                PageRequest.first(10))
                        .items())
                .extracting(Counted::counts)
                .containsExactly(new BatchCounts(1, 0, 0), new BatchCounts(1, 0, 0));
        assertThat(batches().byId(BatchId.random())).isEmpty();
    }
}
