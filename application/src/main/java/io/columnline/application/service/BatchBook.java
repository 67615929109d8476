package io.columnline.application.service;

import io.columnline.application.port.out.Batches;
import io.columnline.domain.batch.Batch;
import io.columnline.domain.batch.BatchId;
import io.columnline.domain.client.Client;
import io.columnline.domain.run.Run;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps each batch's counts exact as its runs move, inside the transaction that moves them. The
 * batch row is locked for the count, so concurrent runs of one day count one after the other.
 */
public final class BatchBook {
  private final Batches batches;
  private final Clock clock;

  @Inject
  public BatchBook(Batches batches, Clock clock) {
    this.batches = batches;
    this.clock = clock;
  }

  /** Counts a new run in its day's batch, which the day's first run creates. */
  public Batch runStarted(Client client, Run run) {
    Instant now = clock.instant();
    String name = Batch.name(run.pipelineVersion(), Batch.dayOf(run, client));
    Optional<Batch> existing = batches.lock(client.id(), name);
    Batch counted;
    if (existing.isPresent()) {
      counted = existing.get().runStarted(now);
      batches.update(counted);
    } else {
      // two first runs of a day both insert: storage refuses the second, whose transaction runs again
      counted = Batch.open(BatchId.random(), run, client, now).runStarted(now);
      batches.insert(counted);
    }
    batches.addRun(counted, run.id());
    return counted;
  }

  public void runFailed(Run run) {
    batches.ofRun(run.id()).flatMap(batches::lock).ifPresent(batch -> batches.update(batch.runFailed(clock.instant())));
  }

  /** The batch a run's dossier goes into; a run started before batches existed joins its day's batch now. */
  public BatchId batchOf(Client client, Run run) {
    return batches.ofRun(run.id()).orElseGet(() -> runStarted(client, run).id());
  }

  /** Counts the dossier; call it last in the transaction, so the batch row stays locked only briefly. */
  public Batch dossierPublished(BatchId batch) {
    Batch counted = batches.lock(batch)
        .orElseThrow(() -> new IllegalStateException("batch " + batch + " disappeared"))
        .dossierPublished(clock.instant());
    batches.update(counted);
    return counted;
  }
}
