package io.columnline.application.publishing.port.out;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.batch.Batch;
import io.columnline.domain.batch.BatchCounts;
import io.columnline.domain.batch.BatchId;
import io.columnline.domain.batch.BatchStatus;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.run.RunId;
import java.util.Optional;

/**
 * The daily batches of each client and the runs each one holds. Counts are read from those runs as
 * they are now, so no counter is kept and nothing has to be written when a run fails or publishes.
 */
public interface Batches {
    /** Stores a new batch; a second batch of the client with the same name is refused by storage. */
    void insert(Batch batch);

    Optional<Batch> byId(BatchId id);

    Optional<Batch> byName(ClientId client, String name);

    /** Records that the run belongs to the batch. */
    void addRun(Batch batch, RunId run);

    /** The batch the run belongs to; empty for a run started before batches existed. */
    Optional<Batch> ofRun(RunId run);

    /** Runs started, failed and published of the batch, as they are now. */
    BatchCounts counts(BatchId batch);

    /** Newest day first, then by name; {@code status} filters on the counts. */
    Page<Counted> list(Query query, PageRequest page);

    /** Empty parts do not filter. */
    record Query(Optional<ClientId> client, Optional<BatchStatus> status) {}

    record Counted(Batch batch, BatchCounts counts) {}
}
