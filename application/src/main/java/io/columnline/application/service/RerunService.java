package io.columnline.application.service;

import io.columnline.application.port.in.ReadWebhookDeliveriesUseCase;
import io.columnline.application.port.in.RerunDossierUseCase;
import io.columnline.application.port.out.Reruns;
import io.columnline.application.port.out.Runs;
import io.columnline.application.port.out.Transactions;
import io.columnline.application.port.out.WebhookOutbox;
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
import java.time.Clock;
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
    private final Runs runs;
    private final RunAccess runAccess;
    private final ClientAccess clients;
    private final Reruns reruns;
    private final BatchBook batches;
    private final WebhookOutbox outbox;
    private final RunDetailsReader reader;
    private final Transactions transactions;
    private final Clock clock;

    @Inject
    public RerunService(
            DossierAccess dossiers,
            Runs runs,
            RunAccess runAccess,
            ClientAccess clients,
            Reruns reruns,
            BatchBook batches,
            WebhookOutbox outbox,
            RunDetailsReader reader,
            Transactions transactions,
            Clock clock) {
        this.dossiers = dossiers;
        this.runs = runs;
        this.runAccess = runAccess;
        this.clients = clients;
        this.reruns = reruns;
        this.batches = batches;
        this.outbox = outbox;
        this.reader = reader;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Started rerun(Caller caller, DossierId id, Optional<String> fromStage) {
        fromStage.ifPresent(stage -> Key.check("from_stage", stage));
        return transactions.inTransaction(() -> {
            Dossier dossier = dossiers.visible(caller, id);
            Run original = runs.byId(dossier.run())
                    .orElseThrow(() -> new IllegalStateException("dossier " + id + " lost its run " + dossier.run()));
            Client client = clients.byId(dossier.client());
            Instant now = clock.instant();
            Run run = Run.start(
                    RunId.random(),
                    client.id(),
                    original.seed(),
                    Optional.of(original.pipelineVersion()),
                    Optional.empty(),
                    now);
            runs.insert(run);
            batches.runStarted(client, run);
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
            return new Started(reader.fresh(run, client.slug()), rerun, webhook);
        });
    }

    @Override
    public List<WebhookDelivery> ofRun(Caller caller, RunId id) {
        return transactions.inTransaction(
                () -> outbox.forSubject(runAccess.visible(caller, id).id().value()));
    }
}
