package io.columnline.application.publishing.port.out;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.batch.BatchId;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.dossier.Company;
import io.columnline.domain.dossier.Dossier;
import io.columnline.domain.dossier.DossierId;
import io.columnline.domain.dossier.DossierSection;
import io.columnline.domain.dossier.DossierStatus;
import io.columnline.domain.dossier.ListId;
import io.columnline.domain.run.RunId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Published dossiers and their sections. */
public interface Dossiers {
    /**
     * Stores a new dossier with its sections; a second dossier of the same run is refused by storage.
     * A publish writes through Publications.record instead; this is the same write on its own, kept
     * for the in-memory Publications and for tests that need a dossier without a publish.
     */
    void insert(Dossier dossier, List<DossierSection> sections);

    /** Stores the dossier's status, links and times. */
    void update(Dossier dossier);

    Optional<Dossier> byId(DossierId id);

    /** Reads the dossier for a change: nobody else changes it until the transaction ends. */
    Optional<Dossier> lock(DossierId id);

    Optional<Dossier> byRun(RunId run);

    /** In section order (position, then key). */
    List<DossierSection> sections(DossierId id);

    /**
     * Makes publishes for the same company of the same client (by domain, company id or name) wait
     * for each other until the transaction ends, so that the supersedes chain stays linear.
     */
    void lockCompany(ClientId client, Company company);

    /**
     * The client's newest live dossier of the company (the same domain, else company id, else name),
     * locked for a change like {@link #lock}.
     */
    Optional<Dossier> lockNewestLive(ClientId client, Company company);

    /** Newest first (by creation, then id). */
    Page<Dossier> list(Query query, PageRequest page);

    /**
     * Up to {@code limit} scheduled dossiers whose release time has come, locked for this
     * transaction; another worker skips them instead of waiting.
     */
    List<Dossier> claimDueForRelease(Instant now, int limit);

    /**
     * Empty parts do not filter; {@code companyDomain} is normalised; {@code releasedOnly} keeps the
     * dossiers a client key may see.
     */
    record Query(
            Optional<ClientId> client,
            Optional<BatchId> batch,
            Optional<ListId> list,
            Optional<DossierStatus> status,
            Optional<String> companyDomain,
            Optional<String> pipelineVersion,
            Optional<Instant> updatedSince,
            boolean releasedOnly) {

        public static Query ofBatch(BatchId batch, boolean releasedOnly) {
            return new Query(
                    Optional.empty(),
                    Optional.of(batch),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    releasedOnly);
        }
    }
}
