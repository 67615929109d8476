package io.columnline.application.publishing.service;

import io.columnline.application.publishing.port.out.Batches;
import io.columnline.application.tracking.port.out.RunBatches;
import io.columnline.domain.batch.Batch;
import io.columnline.domain.batch.BatchId;
import io.columnline.domain.client.Client;
import io.columnline.domain.run.Run;
import jakarta.inject.Inject;
import java.time.Clock;

/** Puts each run in its day's batch, inside the transaction that starts it. */
public final class BatchBook implements RunBatches {
    private final Batches batches;
    private final Clock clock;

    @Inject
    public BatchBook(Batches batches, Clock clock) {
        this.batches = batches;
        this.clock = clock;
    }

    /** The run joins its day's batch, which the day's first run creates. */
    @Override
    public Batch runStarted(Client client, Run run) {
        String name = Batch.name(run.pipelineVersion(), Batch.dayOf(run, client));
        Batch batch = batches.byName(client.id(), name).orElseGet(() -> {
            // two first runs of a day both insert: storage refuses the second, whose transaction runs again
            Batch opened = Batch.open(BatchId.random(), run, client, clock.instant());
            batches.insert(opened);
            return opened;
        });
        batches.addRun(batch, run.id());
        return batch;
    }
}
