package io.columnline.application.publishing.port.in;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.access.Caller;
import io.columnline.domain.batch.Batch;
import io.columnline.domain.batch.BatchCounts;
import io.columnline.domain.batch.BatchId;
import io.columnline.domain.batch.BatchStatus;
import io.columnline.domain.client.ClientSlug;
import java.util.Optional;

public interface ReadBatchesUseCase {
    /** Newest day first; a client key sees its own client's batches. */
    Page<ListedBatch> list(Caller caller, Query query, PageRequest page);

    /** The batch with a page of its dossiers (those the caller may see), newest first. */
    BatchDetails get(Caller caller, BatchId id, PageRequest dossiers);

    /** {@code client} is a slug or id; empty parts do not filter. */
    record Query(Optional<String> client, Optional<BatchStatus> status) {}

    record ListedBatch(Batch batch, BatchCounts counts, ClientSlug client) {}

    record BatchDetails(Batch batch, BatchCounts counts, ClientSlug client, Page<ListedDossier> dossiers) {}
}
