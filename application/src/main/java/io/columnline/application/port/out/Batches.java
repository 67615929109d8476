package io.columnline.application.port.out;

import io.columnline.application.page.Page;
import io.columnline.application.page.PageRequest;
import io.columnline.domain.batch.Batch;
import io.columnline.domain.batch.BatchId;
import io.columnline.domain.batch.BatchStatus;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.run.RunId;
import java.util.Optional;

/** The daily batches of each client and the runs each one counts. */
public interface Batches {
  /** Stores a new batch; a second batch of the client with the same name is refused by storage. */
  void insert(Batch batch);

  /** Stores the batch's counts. */
  void update(Batch batch);

  Optional<Batch> byId(BatchId id);

  Optional<Batch> byName(ClientId client, String name);

  /** Reads the batch for a change of its counts: nobody else changes them until the transaction ends. */
  Optional<Batch> lock(BatchId id);

  /** {@link #lock(BatchId)} by the client's batch name. */
  Optional<Batch> lock(ClientId client, String name);

  /** Records that the batch counts the run. */
  void addRun(Batch batch, RunId run);

  /** The batch that counts the run; empty for a run started before batches existed. */
  Optional<BatchId> ofRun(RunId run);

  /** Newest day first, then by name. */
  Page<Batch> list(Query query, PageRequest page);

  /** Empty parts do not filter. */
  record Query(Optional<ClientId> client, Optional<BatchStatus> status) {}
}
