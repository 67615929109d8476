package io.columnline.application.publishing.service;

import io.columnline.application.publishing.port.in.DossierDetails;
import io.columnline.application.publishing.port.in.DossierListsUseCase;
import io.columnline.application.publishing.port.in.ListedDossier;
import io.columnline.application.publishing.port.in.ReadDossiersUseCase;
import io.columnline.application.publishing.port.out.Batches;
import io.columnline.application.publishing.port.out.DossierLists;
import io.columnline.application.publishing.port.out.Dossiers;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.shared.Transactions;
import io.columnline.application.shared.Uuids;
import io.columnline.application.tenancy.port.in.ClientAccess;
import io.columnline.domain.access.Caller;
import io.columnline.domain.batch.Batch;
import io.columnline.domain.batch.BatchId;
import io.columnline.domain.client.Client;
import io.columnline.domain.dossier.Company;
import io.columnline.domain.dossier.Dossier;
import io.columnline.domain.dossier.DossierId;
import io.columnline.domain.dossier.DossierList;
import io.columnline.domain.dossier.ListId;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reading dossiers, walking their supersedes chain, and a client's lists. */
public final class DossierService implements ReadDossiersUseCase, DossierListsUseCase {
    private final Dossiers dossiers;
    private final DossierAccess access;
    private final DossierLists lists;
    private final ListAccess listAccess;
    private final Batches batches;
    private final ClientAccess clients;
    private final DossierReader reader;
    private final Transactions transactions;
    private final Clock clock;

    @Inject
    public DossierService(
            Dossiers dossiers,
            DossierAccess access,
            DossierLists lists,
            ListAccess listAccess,
            Batches batches,
            ClientAccess clients,
            DossierReader reader,
            Transactions transactions,
            Clock clock) {
        this.dossiers = dossiers;
        this.access = access;
        this.lists = lists;
        this.listAccess = listAccess;
        this.batches = batches;
        this.clients = clients;
        this.reader = reader;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public DossierDetails get(Caller caller, DossierId id) {
        return transactions.inTransaction(() -> reader.details(access.visible(caller, id)));
    }

    @Override
    public Page<ListedDossier> list(Caller caller, ReadDossiersUseCase.Query query, PageRequest page) {
        return transactions.inTransaction(() -> {
            Page<Dossier> found = dossiers.list(storageQuery(caller, query, clients, batches, listAccess), page);
            return new Page<>(reader.listed(found.items()), found.next());
        });
    }

    /** Resolves the names in a dossier query to ids the caller may see. */
    static Dossiers.Query storageQuery(
            Caller caller, ReadDossiersUseCase.Query query, ClientAccess clients, Batches batches, ListAccess lists) {
        query.pipelineVersion().ifPresent(v -> {
            if (v.isBlank() || v.length() > 40) {
                throw new Invalid("pipeline_version", "must be 1 to 40 characters");
            }
        });
        Optional<Client> client = clients.named(caller, query.client());
        Optional<BatchId> batch = query.batch().map(named -> batchId(caller, client, named, batches));
        Optional<ListId> list = query.list().map(named -> {
            Client owner = client.orElseThrow(() -> new Invalid("list", "needs client: lists belong to one client"));
            return lists.named(owner.id(), named).id();
        });
        return new Dossiers.Query(
                client.map(Client::id),
                batch,
                list,
                query.status(),
                query.companyDomain().map(Company::normalizeDomain),
                query.pipelineVersion().map(String::strip),
                query.updatedSince(),
                !DossierAccess.seesUnreleased(caller));
    }

    private static BatchId batchId(Caller caller, Optional<Client> client, String named, Batches batches) {
        Optional<UUID> id = Uuids.parse(named.strip());
        Optional<Batch> batch = id.isPresent()
                ? batches.byId(new BatchId(id.get()))
                : batches.byName(
                        client.orElseThrow(() -> new Invalid(
                                        "batch",
                                        "a batch name such as V2_20261122 needs client;" + " or give the batch id"))
                                .id(),
                        named.strip());
        return batch.filter(b -> caller.canSee(b.client())
                        && client.map(c -> c.id().equals(b.client())).orElse(true))
                .map(Batch::id)
                .orElseThrow(() -> new NotFound("batch", named));
    }

    @Override
    public List<ListedDossier> history(Caller caller, DossierId id) {
        return transactions.inTransaction(() -> {
            Dossier start = access.visible(caller, id);
            Deque<Dossier> chain = new ArrayDeque<>();
            chain.add(start);
            Set<DossierId> seen = new HashSet<>(List.of(start.id()));
            for (Optional<DossierId> older = start.supersedes(); older.isPresent() && seen.add(older.get()); ) {
                Dossier d = dossiers.byId(older.get()).orElseThrow();
                chain.addFirst(d);
                older = d.supersedes();
            }
            for (Optional<DossierId> newer = start.supersededBy(); newer.isPresent() && seen.add(newer.get()); ) {
                Dossier d = dossiers.byId(newer.get()).orElseThrow();
                chain.addLast(d);
                newer = d.supersededBy();
            }
            List<Dossier> visible = new ArrayList<>(
                    chain.stream().filter(d -> DossierAccess.sees(caller, d)).toList());
            return reader.listed(visible);
        });
    }

    @Override
    public Page<DossierList> lists(Caller caller, Optional<String> client, PageRequest page) {
        return transactions.inTransaction(() -> {
            Client owner = owner(caller, client);
            listAccess.inbox(owner.id());
            return lists.list(owner.id(), page);
        });
    }

    @Override
    public Created create(Caller caller, Optional<String> client, String name) {
        String checked = DossierList.checkName(name);
        return transactions.inTransaction(() -> {
            Client owner = owner(caller, client);
            if (DossierList.nameKey(checked).equals(DossierList.nameKey(DossierList.INBOX))) {
                return new Created(listAccess.inbox(owner.id()), false);
            }
            Optional<DossierList> existing = lists.byName(owner.id(), checked);
            if (existing.isPresent()) {
                return new Created(existing.get(), false);
            }
            DossierList list = new DossierList(ListId.random(), owner.id(), checked, clock.instant());
            lists.insert(list);
            return new Created(list, true);
        });
    }

    @Override
    public List<DossierList> add(Caller caller, DossierId dossierId, ListId listId) {
        return transactions.inTransaction(() -> {
            Dossier dossier = access.visible(caller, dossierId);
            DossierList list = listAccess.ofClient(dossier.client(), listId);
            lists.add(dossier.client(), dossier.id(), list.id(), clock.instant());
            return onLists(dossier);
        });
    }

    @Override
    public List<DossierList> remove(Caller caller, DossierId dossierId, ListId listId) {
        return transactions.inTransaction(() -> {
            Dossier dossier = access.visible(caller, dossierId);
            DossierList list = listAccess.ofClient(dossier.client(), listId);
            lists.remove(dossier.id(), list.id());
            return onLists(dossier);
        });
    }

    private List<DossierList> onLists(Dossier dossier) {
        return lists.ofDossiers(List.of(dossier.id())).getOrDefault(dossier.id(), List.of());
    }

    private Client owner(Caller caller, Optional<String> client) {
        return clients.named(caller, client)
                .orElseThrow(() -> new Invalid(
                        "client", "is required with an admin key: the slug of the client the lists belong to"));
    }
}
