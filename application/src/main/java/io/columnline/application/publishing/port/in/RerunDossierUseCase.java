package io.columnline.application.publishing.port.in;

import io.columnline.application.tracking.port.in.RunDetails;
import io.columnline.domain.access.Caller;
import io.columnline.domain.dossier.DossierId;
import io.columnline.domain.dossier.Rerun;
import io.columnline.domain.webhook.WebhookDelivery;
import java.util.Optional;

/**
 * Starts a new run of a dossier's client and seed that remembers the dossier, so that publishing it
 * supersedes that dossier. When the client has a rerun webhook, the delivery announcing the run is
 * recorded in the same transaction and sent in the background.
 */
public interface RerunDossierUseCase {
    Started rerun(Caller caller, DossierId dossier, Optional<String> fromStage);

    record Started(RunDetails run, Rerun rerun, Optional<WebhookDelivery> webhook) {}
}
