package io.columnline.application.publishing.service;

import io.columnline.application.prospects.port.in.DossierContacts;
import io.columnline.application.publishing.port.in.DossierDetails;
import io.columnline.application.publishing.port.in.ListedDossier;
import io.columnline.application.publishing.port.out.Batches;
import io.columnline.application.publishing.port.out.DossierLists;
import io.columnline.application.publishing.port.out.Dossiers;
import io.columnline.application.tenancy.port.in.ClientAccess;
import io.columnline.domain.batch.Batch;
import io.columnline.domain.batch.BatchId;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.dossier.Dossier;
import io.columnline.domain.dossier.DossierId;
import io.columnline.domain.dossier.DossierList;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Puts a dossier together with its client's slug, batch, sections, lists and contacts. */
public final class DossierReader {
    private final Dossiers dossiers;
    private final DossierLists lists;
    private final Batches batches;
    private final DossierContacts contacts;
    private final ClientAccess clients;

    @Inject
    public DossierReader(
            Dossiers dossiers, DossierLists lists, Batches batches, DossierContacts contacts, ClientAccess clients) {
        this.dossiers = dossiers;
        this.lists = lists;
        this.batches = batches;
        this.contacts = contacts;
        this.clients = clients;
    }

    public DossierDetails details(Dossier dossier) {
        return new DossierDetails(
                dossier,
                clients.byId(dossier.client()).slug(),
                batch(dossier.batch()),
                dossiers.sections(dossier.id()),
                lists.ofDossiers(List.of(dossier.id())).getOrDefault(dossier.id(), List.of()),
                contacts.ofDossiers(List.of(dossier.id())).getOrDefault(dossier.id(), List.of()));
    }

    /** Many dossiers at once: one lookup of lists for all, one per distinct batch and client. */
    public List<ListedDossier> listed(List<Dossier> page) {
        Map<DossierId, List<DossierList>> onLists =
                lists.ofDossiers(page.stream().map(Dossier::id).toList());
        Map<BatchId, String> batchNames = new HashMap<>();
        Map<ClientId, ClientSlug> slugs = new HashMap<>();
        return page.stream()
                .map(d -> new ListedDossier(
                        d,
                        slugs.computeIfAbsent(d.client(), id -> clients.byId(id).slug()),
                        batchNames.computeIfAbsent(d.batch(), id -> batch(id).name()),
                        onLists.getOrDefault(d.id(), List.of())))
                .toList();
    }

    private Batch batch(BatchId id) {
        return batches.byId(id).orElseThrow(() -> new IllegalStateException("batch " + id + " disappeared"));
    }
}
