package io.columnline.application.publishing.service;

import io.columnline.application.publishing.port.in.ReadBatchesUseCase;
import io.columnline.application.publishing.port.out.Batches;
import io.columnline.application.publishing.port.out.Dossiers;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.shared.Transactions;
import io.columnline.application.tenancy.port.in.ClientAccess;
import io.columnline.domain.access.Caller;
import io.columnline.domain.batch.Batch;
import io.columnline.domain.batch.BatchId;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.dossier.Dossier;
import io.columnline.domain.error.NotFound;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

public final class BatchService implements ReadBatchesUseCase {
    private final Batches batches;
    private final Dossiers dossiers;
    private final ClientAccess clients;
    private final DossierReader reader;
    private final Transactions transactions;

    @Inject
    public BatchService(
            Batches batches, Dossiers dossiers, ClientAccess clients, DossierReader reader, Transactions transactions) {
        this.batches = batches;
        this.dossiers = dossiers;
        this.clients = clients;
        this.reader = reader;
        this.transactions = transactions;
    }

    @Override
    public Page<ListedBatch> list(Caller caller, Query query, PageRequest page) {
        return transactions.inTransaction(() -> {
            var only = clients.named(caller, query.client()).map(Client::id);
            Map<ClientId, ClientSlug> slugs = new HashMap<>();
            return batches.list(new Batches.Query(only, query.status()), page)
                    .map(c -> new ListedBatch(
                            c.batch(),
                            c.counts(),
                            slugs.computeIfAbsent(
                                    c.batch().client(), id -> clients.byId(id).slug())));
        });
    }

    @Override
    public BatchDetails get(Caller caller, BatchId id, PageRequest page) {
        return transactions.inTransaction(() -> {
            Batch batch = batches.byId(id)
                    .filter(b -> caller.canSee(b.client()))
                    .orElseThrow(() -> new NotFound("batch", id));
            Page<Dossier> found =
                    dossiers.list(Dossiers.Query.ofBatch(id, !DossierAccess.seesUnreleased(caller)), page);
            return new BatchDetails(
                    batch,
                    batches.counts(id),
                    clients.byId(batch.client()).slug(),
                    new Page<>(reader.listed(found.items()), found.next()));
        });
    }
}
