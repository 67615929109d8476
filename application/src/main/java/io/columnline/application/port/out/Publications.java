package io.columnline.application.port.out;

import io.columnline.domain.dossier.Dossier;
import io.columnline.domain.dossier.DossierSection;
import io.columnline.domain.dossier.ListId;
import io.columnline.domain.prospect.Contact;
import io.columnline.domain.run.Run;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The writes that make a run a dossier, handed over at once so that storage can make them in one
 * round trip. Everything else about a dossier goes through {@link Dossiers}, {@link DossierLists},
 * {@link Runs} and {@link RunContacts}, which read back what was recorded here.
 */
public interface Publications {
    /**
     * Stores the new dossier with its sections, the dossier it supersedes (as the caller changed
     * it), the new dossier's list memberships and the run (now published); answers the run's
     * contacts, now the dossier's, oldest first.
     */
    List<Contact> record(Publication publication);

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
