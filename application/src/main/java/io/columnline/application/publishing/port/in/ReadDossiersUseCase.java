package io.columnline.application.publishing.port.in;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.access.Caller;
import io.columnline.domain.dossier.DossierId;
import io.columnline.domain.dossier.DossierStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Client keys see released dossiers only; admin keys see every dossier. */
public interface ReadDossiersUseCase {
    DossierDetails get(Caller caller, DossierId id);

    /** Newest first. */
    Page<ListedDossier> list(Caller caller, Query query, PageRequest page);

    /** The supersedes chain the dossier is part of, oldest first. */
    List<ListedDossier> history(Caller caller, DossierId id);

    /**
     * {@code client} is a slug or id; {@code batch} and {@code list} are ids or, with a client,
     * names; empty parts do not filter.
     */
    record Query(
            Optional<String> client,
            Optional<String> batch,
            Optional<String> list,
            Optional<DossierStatus> status,
            Optional<String> companyDomain,
            Optional<String> pipelineVersion,
            Optional<Instant> updatedSince) {

        public static Query of(
                Optional<String> client,
                Optional<String> batch,
                Optional<String> list,
                Optional<DossierStatus> status) {
            return new Query(client, batch, list, status, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }
}
