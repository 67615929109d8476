package io.columnline.application.publishing.service;

import io.columnline.application.publishing.port.in.ReadWebhookDeliveriesUseCase;
import io.columnline.application.publishing.port.in.RerunDossierUseCase;
import io.columnline.application.publishing.port.out.Reruns;
import io.columnline.application.publishing.port.out.WebhookOutbox;
import io.columnline.application.shared.Transactions;
import io.columnline.application.tenancy.port.in.ClientAccess;
import io.columnline.application.tracking.port.in.RunAccess;
import io.columnline.application.tracking.port.in.RunDetails;
import io.columnline.application.tracking.port.in.StartRunUseCase;
import io.columnline.domain.Key;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.dossier.Dossier;
import io.columnline.domain.dossier.DossierId;
import io.columnline.domain.dossier.Rerun;
import io.columnline.domain.json.JsonObjects;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.webhook.WebhookDelivery;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rerun is a new run of the dossier's seed, counted in today's batch, remembered with the
 * dossier, and announced to the client's rerun webhook through the outbox in the same transaction:
 * the webhook is sent if and only if the run exists.
 */
public final class RerunService implements RerunDossierUseCase, ReadWebhookDeliveriesUseCase {
    public static final String EVENT = "run.rerun";

    private final DossierAccess dossiers;
    private final StartRunUseCase runs;
    private final RunAccess runAccess;
    private final ClientAccess clients;
    private final Reruns reruns;
    private final WebhookOutbox outbox;
    private final Transactions transactions;

    @Inject
    public RerunService(
            DossierAccess dossiers,
            StartRunUseCase runs,
            RunAccess runAccess,
            ClientAccess clients,
            Reruns reruns,
            WebhookOutbox outbox,
            Transactions transactions) {
        this.dossiers = dossiers;
        this.runs = runs;
        this.runAccess = runAccess;
        this.clients = clients;
        this.reruns = reruns;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    @Override
    public Started rerun(Caller caller, DossierId id, Optional<String> fromStage) {
        fromStage.ifPresent(stage -> Key.check("from_stage", stage));
        return transactions.inTransaction(() -> {
            Dossier dossier = dossiers.visible(caller, id);
            Client client = clients.byId(dossier.client());
            RunDetails started = runs.startAgain(client, dossier.run());
            Run run = started.run();
            Instant now = run.startedAt();
            Rerun rerun = new Rerun(run.id(), client.id(), dossier.id(), fromStage, now);
            reruns.insert(rerun);
            Optional<WebhookDelivery> webhook = client.rerunWebhookUrl().map(url -> {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("run_id", run.id().toString());
                payload.put("client", client.slug().value());
                payload.put("seed", run.seed().document());
                payload.put("rerun_of_dossier_id", dossier.id().toString());
                payload.put("from_stage", fromStage.orElse(null));
                WebhookDelivery delivery = WebhookDelivery.pending(
                        client.id(), EVENT, run.id().value(), url, JsonObjects.object(payload), now);
                outbox.enqueue(delivery);
                return delivery;
            });
            return new Started(started, rerun, webhook);
        });
    }

    @Override
    public List<WebhookDelivery> ofRun(Caller caller, RunId id) {
        return transactions.inTransaction(
                () -> outbox.forSubject(runAccess.visible(caller, id).id().value()));
    }
}
