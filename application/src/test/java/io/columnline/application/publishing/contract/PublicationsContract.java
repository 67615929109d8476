package io.columnline.application.publishing.contract;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.prospects.contract.RunContactsContract;
import io.columnline.application.prospects.port.out.Contacts;
import io.columnline.application.prospects.port.out.RunContacts;
import io.columnline.application.publishing.port.out.Batches;
import io.columnline.application.publishing.port.out.DossierLists;
import io.columnline.application.publishing.port.out.Dossiers;
import io.columnline.application.publishing.port.out.Publications;
import io.columnline.application.publishing.port.out.Publications.Publication;
import io.columnline.application.publishing.port.out.Publications.Subject;
import io.columnline.application.publishing.port.out.Reruns;
import io.columnline.application.shared.Fixtures;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.domain.batch.Batch;
import io.columnline.domain.client.Client;
import io.columnline.domain.dossier.Dossier;
import io.columnline.domain.dossier.DossierList;
import io.columnline.domain.dossier.DossierStatus;
import io.columnline.domain.dossier.ListId;
import io.columnline.domain.dossier.Rerun;
import io.columnline.domain.prospect.Contact;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.RunStatus;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link Publications} adapter must do; run against the in-memory and the Postgres one. */
public abstract class PublicationsContract {
    protected abstract Publications publications();

    protected abstract Dossiers dossiers();

    protected abstract DossierLists lists();

    protected abstract Runs runs();

    protected abstract RunContacts runContacts();

    protected abstract Contacts contacts();

    protected abstract Batches batches();

    protected abstract Clients clients();

    protected abstract Reruns reruns();

    @Test
    void the_subject_of_a_publish_is_its_run_with_its_client_batch_and_rerun() {
        Client client = Fixtures.client("ps-" + UUID.randomUUID().toString().substring(0, 8));
        clients().save(client);
        Run first = DossierFixtures.run(client, DossierFixtures.seed("Acme", "acme.com"), NOW);
        runs().insert(first);
        Batch batch = DossierFixtures.batch(client, first);
        batches().insert(batch);
        batches().addRun(batch, first.id());
        Dossier dossier = DossierFixtures.dossier(first, client, batch, NOW);
        dossiers().insert(dossier, List.of());
        Run again = DossierFixtures.run(client, first.seed(), NOW.plusSeconds(5));
        runs().insert(again);
        Rerun rerun = new Rerun(again.id(), client.id(), dossier.id(), Optional.of("writers"), NOW.plusSeconds(5));
        reruns().insert(rerun);

        assertThat(publications().lockSubject(first.id()))
                .contains(new Subject(first, client, Optional.of(batch), Optional.empty()));
        // a run outside any batch (started before batches existed) that reruns a dossier
        assertThat(publications().lockSubject(again.id()))
                .contains(new Subject(again, client, Optional.empty(), Optional.of(rerun)));
        assertThat(publications().lockSubject(new RunId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void a_publication_stores_the_dossier_supersedes_the_old_one_lists_it_and_publishes_the_run() {
        Client client = Fixtures.client("pc-" + UUID.randomUUID().toString().substring(0, 8));
        clients().save(client);
        Run oldRun = DossierFixtures.run(client, DossierFixtures.seed("Acme", "acme.com"), NOW);
        runs().insert(oldRun);
        Batch batch = DossierFixtures.batch(client, oldRun);
        batches().insert(batch);
        Dossier old = DossierFixtures.dossier(oldRun, client, batch, NOW);
        dossiers().insert(old, DossierFixtures.sections());

        Run run = DossierFixtures.run(client, DossierFixtures.seed("Acme", "acme.com"), NOW.plusSeconds(60));
        runs().insert(run);
        Contact second = RunContactsContract.found(run, "Bea Second", null, 2);
        Contact first = RunContactsContract.found(run, "Al First", "al@acme.com", 1);
        contacts().insert(second);
        contacts().insert(first);
        DossierList inbox = new DossierList(ListId.random(), client.id(), "Inbox", NOW);
        DossierList hot = new DossierList(ListId.random(), client.id(), "Hot", NOW);
        lists().insert(inbox);
        lists().insert(hot);

        var at = NOW.plusSeconds(120);
        Dossier fresh = Dossier.publish(
                io.columnline.domain.dossier.DossierId.random(),
                run,
                client,
                batch.id(),
                io.columnline.domain.dossier.PublishOptions.DEFAULT,
                Optional.of(old.id()),
                at);
        Run published = run.publish(at);
        List<Contact> attached = publications()
                .record(new Publication(
                        fresh,
                        DossierFixtures.sections(),
                        Optional.of(old.supersededBy(fresh.id(), at)),
                        List.of(inbox.id(), hot.id()),
                        published,
                        at));

        assertThat(attached).extracting(Contact::id).containsExactly(first.id(), second.id());
        assertThat(attached)
                .allSatisfy(c -> assertThat(c.dossierId()).contains(fresh.id().value()));
        assertThat(dossiers().byId(fresh.id())).contains(fresh);
        assertThat(dossiers().sections(fresh.id()))
                .containsExactlyElementsOf(dossiers().sections(old.id()));
        Dossier replaced = dossiers().byId(old.id()).orElseThrow();
        assertThat(replaced.status()).isEqualTo(DossierStatus.SUPERSEDED);
        assertThat(replaced.supersededBy()).contains(fresh.id());
        assertThat(lists().ofDossiers(List.of(fresh.id())).get(fresh.id()))
                .extracting(DossierList::name)
                .containsExactlyInAnyOrder("Inbox", "Hot");
        assertThat(runs().byId(run.id()).orElseThrow().status()).isEqualTo(RunStatus.PUBLISHED);
        assertThat(runContacts().ofDossiers(List.of(fresh.id())).get(fresh.id()))
                .extracting(Contact::id)
                .containsExactly(first.id(), second.id());
    }
}
