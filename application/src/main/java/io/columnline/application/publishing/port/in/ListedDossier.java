package io.columnline.application.publishing.port.in;

import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.dossier.Dossier;
import io.columnline.domain.dossier.DossierList;
import java.util.List;

/** A dossier in a list: without its sections, with its client's slug, batch name and lists. */
public record ListedDossier(Dossier dossier, ClientSlug client, String batchName, List<DossierList> lists) {
    public ListedDossier {
        lists = List.copyOf(lists);
    }
}
