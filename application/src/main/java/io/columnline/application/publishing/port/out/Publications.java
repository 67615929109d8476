package io.columnline.application.publishing.port.out;

import io.columnline.application.prospects.port.out.RunContacts;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.domain.batch.Batch;
import io.columnline.domain.client.Client;
import io.columnline.domain.dossier.Dossier;
import io.columnline.domain.dossier.DossierSection;
import io.columnline.domain.dossier.ListId;
import io.columnline.domain.dossier.Rerun;
import io.columnline.domain.prospect.Contact;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What publishing reads of a run, and the writes that make it a dossier, each handed over at once
 * so that storage can answer in one round trip. Everything else about a dossier goes through
 * {@link Dossiers}, {@link DossierLists}, {@link Runs} and {@link RunContacts}, which read back
 * what was recorded here.
 */
public interface Publications {
    /**
     * The run to publish, locked until the transaction ends, with what publishing reads about it:
     * its client, its batch (none for a run started before batches existed) and the rerun it is,
     * if it is one. Empty for an unknown run.
     */
    Optional<Subject> lockSubject(RunId run);

    /**
     * Stores the new dossier with its sections, the dossier it supersedes (as the caller changed
     * it), the new dossier's list memberships and the run (now published); answers the run's
     * contacts, now the dossier's, oldest first.
     */
    List<Contact> record(Publication publication);

    record Subject(Run run, Client client, Optional<Batch> batch, Optional<Rerun> rerun) {
        public Subject {
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(batch, "batch");
            Objects.requireNonNull(rerun, "rerun");
        }
    }

    record Publication(
            Dossier dossier,
            List<DossierSection> sections,
            Optional<Dossier> superseded,
            List<ListId> lists,
            Run run,
            Instant at) {
        public Publication {
            Objects.requireNonNull(dossier, "dossier");
            sections = List.copyOf(sections);
            Objects.requireNonNull(superseded, "superseded");
            lists = List.copyOf(lists);
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(at, "at");
        }
    }
}
