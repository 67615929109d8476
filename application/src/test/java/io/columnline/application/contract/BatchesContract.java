package io.columnline.application.contract;

import static io.columnline.application.contract.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.application.page.Page;
import io.columnline.application.page.PageRequest;
import io.columnline.application.port.out.Batches;
import io.columnline.application.port.out.Clients;
import io.columnline.application.port.out.Runs;
import io.columnline.domain.batch.Batch;
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
    Client client = Fixtures.client("bc-" + java.util.UUID.randomUUID().toString().substring(0, 8));
    clients().save(client);
    return client;
  }

  private Run run(Client client, java.time.Instant at) {
    Run run = DossierFixtures.run(client, DossierFixtures.seed("Acme", "acme.com"), at);
    runs().insert(run);
    return run;
  }

  @Test
  void a_batch_is_stored_counted_and_found_by_id_name_and_run() {
    Client client = client();
    Run run = run(client, NOW);
    Batch batch = DossierFixtures.batch(client, run);
    batches().insert(batch);
    batches().addRun(batch, run.id());

    assertThat(batch.name()).isEqualTo("V2_20261122");
    assertThat(batches().byId(batch.id())).contains(batch);
    assertThat(batches().byName(client.id(), "V2_20261122")).contains(batch);
    assertThat(batches().lock(client.id(), "V2_20261122")).contains(batch);
    assertThat(batches().ofRun(run.id())).contains(batch.id());
    assertThat(batches().ofRun(run(client, NOW).id())).isEmpty();

    Batch counted = batch.runStarted(NOW.plusSeconds(1)).runFailed(NOW.plusSeconds(2)).dossierPublished(NOW.plusSeconds(3));
    batches().update(counted);
    assertThat(batches().lock(batch.id())).contains(counted);
    assertThat(counted.status()).isEqualTo(BatchStatus.COMPLETE);
    assertThatThrownBy(() -> batches().insert(DossierFixtures.batch(client, run))).isInstanceOf(RuntimeException.class);
  }

  @Test
  void batches_page_newest_day_first_and_filter_by_client_and_status() {
    Client client = client();
    client();
    List<Batch> made = new ArrayList<>();
    for (int day = 0; day < 5; day++) {
      Run run = run(client, NOW.plus(Duration.ofDays(day)));
      Batch batch = DossierFixtures.batch(client, run);
      if (day % 2 == 0) {
        batch = batch.runFailed(NOW);
      }
      batches().insert(batch);
      made.add(batch);
    }
    var all = new Batches.Query(Optional.of(client.id()), Optional.empty());
    List<Batch> seen = new ArrayList<>();
    Page<Batch> page = batches().list(all, PageRequest.first(2));
    seen.addAll(page.items());
    while (page.next().isPresent()) {
      page = batches().list(all, new PageRequest(2, page.next()));
      seen.addAll(page.items());
    }
    assertThat(seen).containsExactly(made.get(4), made.get(3), made.get(2), made.get(1), made.get(0));
    assertThat(batches().list(new Batches.Query(Optional.of(client.id()), Optional.of(BatchStatus.COMPLETE)),
        PageRequest.first(10)).items()).containsExactly(made.get(4), made.get(2), made.get(0));
    assertThat(batches().byId(BatchId.random())).isEmpty();
  }
}
