package io.columnline.application.publishing.port.in;

import io.columnline.domain.batch.Batch;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.dossier.Dossier;
import io.columnline.domain.dossier.DossierList;
import io.columnline.domain.dossier.DossierSection;
import io.columnline.domain.prospect.Contact;
import java.util.List;

/** A dossier as its readers see it: with its client's slug, batch, sections, lists and contacts. */
public record DossierDetails(
        Dossier dossier,
        ClientSlug client,
        Batch batch,
        List<DossierSection> sections,
        List<DossierList> lists,
        List<Contact> contacts) {
    public DossierDetails {
        sections = List.copyOf(sections);
        lists = List.copyOf(lists);
        contacts = List.copyOf(contacts);
    }
}
