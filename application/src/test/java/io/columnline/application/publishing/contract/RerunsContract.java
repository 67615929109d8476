package io.columnline.application.publishing.contract;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.publishing.port.out.Batches;
import io.columnline.application.publishing.port.out.Dossiers;
import io.columnline.application.publishing.port.out.Reruns;
import io.columnline.application.shared.Fixtures;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.domain.batch.Batch;
import io.columnline.domain.client.Client;
import io.columnline.domain.dossier.Dossier;
import io.columnline.domain.dossier.Rerun;
import io.columnline.domain.run.Run;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link Reruns} adapter must do; run against the in-memory and the Postgres one. */
public abstract class RerunsContract {
    protected abstract Reruns reruns();

    protected abstract Dossiers dossiers();

    protected abstract Batches batches();

    protected abstract Runs runs();

    protected abstract Clients clients();

    @Test
    void a_rerun_is_remembered_with_its_run() {
        Client client =
                Fixtures.client("rc-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        clients().save(client);
        Run first = DossierFixtures.run(client, DossierFixtures.seed("Acme", "acme.com"), NOW);
        runs().insert(first);
        Batch batch = DossierFixtures.batch(client, first);
        batches().insert(batch);
        Dossier dossier = DossierFixtures.dossier(first, client, batch, NOW);
        dossiers().insert(dossier, List.of());
        Run again = DossierFixtures.run(client, first.seed(), NOW.plusSeconds(5));
        runs().insert(again);
        Run plain = DossierFixtures.run(client, first.seed(), NOW.plusSeconds(6));
        runs().insert(plain);

        Rerun rerun = new Rerun(again.id(), client.id(), dossier.id(), Optional.of("writers"), NOW.plusSeconds(5));
        reruns().insert(rerun);
        Rerun fromStart = new Rerun(plain.id(), client.id(), dossier.id(), Optional.empty(), NOW.plusSeconds(6));
        reruns().insert(fromStart);

        assertThat(reruns().ofRun(again.id())).contains(rerun);
        assertThat(reruns().ofRun(plain.id())).contains(fromStart);
        assertThat(reruns().ofRun(first.id())).isEmpty();
    }
}
