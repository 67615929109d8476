package io.columnline.application.tracking.port.out;

import io.columnline.domain.batch.Batch;
import io.columnline.domain.client.Client;
import io.columnline.domain.run.Run;

/**
 * The day's batch a starting run joins, inside the transaction that starts it. Publishing keeps the
 * batches (they are what dossiers are released in), so it answers this port and tracking never
 * depends on publishing.
 */
public interface RunBatches {
    Batch runStarted(Client client, Run run);
}
