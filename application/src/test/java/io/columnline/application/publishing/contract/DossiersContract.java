package io.columnline.application.publishing.contract;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.application.publishing.port.out.Batches;
import io.columnline.application.publishing.port.out.DossierLists;
import io.columnline.application.publishing.port.out.Dossiers;
import io.columnline.application.shared.Fixtures;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.domain.batch.Batch;
import io.columnline.domain.client.Client;
import io.columnline.domain.dossier.Company;
import io.columnline.domain.dossier.Dossier;
import io.columnline.domain.dossier.DossierId;
import io.columnline.domain.dossier.DossierList;
import io.columnline.domain.dossier.DossierStatus;
import io.columnline.domain.dossier.PublishOptions;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.Seed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link Dossiers} adapter must do; run against the in-memory and the Postgres one. */
public abstract class DossiersContract {
    protected abstract Dossiers dossiers();

    protected abstract DossierLists lists();

    protected abstract Batches batches();

    protected abstract Runs runs();

    protected abstract Clients clients();

    private Client client() {
        Client client =
                Fixtures.client("dc-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        clients().save(client);
        return client;
    }

    /** A released dossier of a new run of the company, published at {@code at}. */
    private Dossier publish(Client client, Seed seed, java.time.Instant at) {
        Run run = DossierFixtures.run(client, seed, at);
        runs().insert(run);
        Batch batch = batches()
                .byName(client.id(), Batch.name(run.pipelineVersion(), Batch.dayOf(run, client)))
                .orElseGet(() -> {
                    Batch b = DossierFixtures.batch(client, run);
                    batches().insert(b);
                    return b;
                });
        Dossier dossier = DossierFixtures.dossier(run, client, batch, at);
        dossiers().insert(dossier, DossierFixtures.sections());
        return dossier;
    }

    @Test
    void a_dossier_is_stored_with_every_field_and_its_sections_in_order() {
        Client client = client();
        Run run = DossierFixtures.run(client, DossierFixtures.seed("Acme", "acme.com"), NOW);
        runs().insert(run);
        Batch batch = DossierFixtures.batch(client, run);
        batches().insert(batch);
        Dossier older = publish(client, DossierFixtures.seed("Acme", "acme.com"), NOW.minusSeconds(60));
        var options = new PublishOptions(
                Optional.of(LocalDate.parse("2026-12-01")),
                List.of(),
                io.columnline.domain.dossier.SupersedeMode.AUTO,
                Optional.of(older.id()));
        Dossier scheduled =
                Dossier.publish(DossierId.random(), run, client, batch.id(), options, Optional.of(older.id()), NOW);
        dossiers()
                .insert(
                        scheduled,
                        List.of(
                                DossierFixtures.sections().get(1),
                                DossierFixtures.sections().get(0)));

        assertThat(scheduled.status()).isEqualTo(DossierStatus.SCHEDULED);
        assertThat(dossiers().byId(scheduled.id())).contains(scheduled);
        assertThat(dossiers().byRun(run.id())).contains(scheduled);
        assertThat(dossiers().lock(scheduled.id())).contains(scheduled);
        assertThat(dossiers().sections(scheduled.id())).containsExactlyElementsOf(DossierFixtures.sections());
        assertThat(dossiers().byId(DossierId.random())).isEmpty();
    }

    @Test
    void a_second_dossier_of_the_same_run_is_refused() {
        Client client = client();
        Dossier first = publish(client, DossierFixtures.seed("Acme", "acme.com"), NOW);
        Run run = runs().byId(first.run()).orElseThrow();
        Batch batch = batches().byId(first.batch()).orElseThrow();
        assertThatThrownBy(() -> dossiers().insert(DossierFixtures.dossier(run, client, batch, NOW), List.of()))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void updates_store_status_links_and_times() {
        Client client = client();
        Dossier old = publish(client, DossierFixtures.seed("Acme", "acme.com"), NOW);
        Dossier newer = publish(client, DossierFixtures.seed("Acme", "acme.com"), NOW.plusSeconds(1));
        Dossier superseded = old.supersededBy(newer.id(), NOW.plusSeconds(2));
        dossiers().update(superseded);
        assertThat(dossiers().byId(old.id())).contains(superseded);
    }

    @Test
    void the_newest_live_dossier_is_found_by_domain_else_company_id_else_name() {
        Client client = client();
        Client other = client();
        Dossier byDomainOld = publish(client, DossierFixtures.seed("Acme", "acme.com"), NOW);
        Dossier byDomain = publish(client, DossierFixtures.seed("Acme Renamed", "acme.com"), NOW.plusSeconds(1));
        publish(other, DossierFixtures.seed("Acme", "acme.com"), NOW.plusSeconds(2));
        Seed withId = new Seed(
                "Beta GmbH",
                "beta.de",
                Optional.of("C-42"),
                DossierFixtures.seed("Beta GmbH", "beta.de").document());
        Dossier byId = publish(client, withId, NOW);
        Dossier byName = publish(client, DossierFixtures.seed("Gamma  Labs", "gamma.io"), NOW);

        assertThat(dossiers().lockNewestLive(client.id(), new Company("X", "acme.com", Optional.empty())))
                .contains(byDomain);
        assertThat(dossiers().lockNewestLive(client.id(), new Company("X", "beta-new.de", Optional.of("C-42"))))
                .contains(byId);
        assertThat(dossiers().lockNewestLive(client.id(), new Company("gamma labs", "gamma.dev", Optional.empty())))
                .contains(byName);
        assertThat(dossiers().lockNewestLive(client.id(), new Company("Nobody", "nobody.com", Optional.empty())))
                .isEmpty();

        dossiers().update(byDomain.supersededBy(byDomainOld.id(), NOW.plusSeconds(5)));
        assertThat(dossiers().lockNewestLive(client.id(), new Company("X", "acme.com", Optional.empty())))
                .contains(byDomainOld);
        dossiers().lockCompany(client.id(), new Company("X", "acme.com", Optional.of("C-1")));
    }

    @Test
    void list_pages_newest_first_and_filters() {
        Client client = client();
        List<Dossier> published = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            published.add(publish(client, DossierFixtures.seed("Co " + i, "co" + i + ".com"), NOW.plusSeconds(i / 2)));
        }
        publish(client(), DossierFixtures.seed("Elsewhere", "elsewhere.com"), NOW);
        var all = query(client, Optional.empty(), Optional.empty(), Optional.empty(), false);
        List<Dossier> seen = new ArrayList<>();
        Page<Dossier> page = dossiers().list(all, PageRequest.first(3));
        seen.addAll(page.items());
        while (page.next().isPresent()) {
            page = dossiers().list(all, new PageRequest(3, page.next()));
            seen.addAll(page.items());
        }
        List<Dossier> expected = new ArrayList<>(published);
        expected.sort(java.util.Comparator.comparing(Dossier::createdAt)
                .thenComparing(d -> d.id().toString())
                .reversed());
        assertThat(seen).containsExactlyElementsOf(expected);

        DossierList hot = new DossierList(io.columnline.domain.dossier.ListId.random(), client.id(), "Hot", NOW);
        lists().insert(hot);
        lists().add(client.id(), published.get(2).id(), hot.id(), NOW);
        assertThat(dossiers()
                        .list(
                                query(client, Optional.of(hot), Optional.empty(), Optional.empty(), false),
                                PageRequest.first(10))
                        .items())
                .containsExactly(published.get(2));
        assertThat(dossiers()
                        .list(
                                query(client, Optional.empty(), Optional.of("co3.com"), Optional.empty(), false),
                                PageRequest.first(10))
                        .items())
                .containsExactly(published.get(3));

        Dossier replaced = dossiers().byId(published.get(4).id()).orElseThrow();
        Dossier superseded = replaced.supersededBy(published.get(5).id(), NOW.plusSeconds(30));
        dossiers().update(superseded);
        assertThat(dossiers()
                        .list(
                                query(
                                        client,
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.of(DossierStatus.SUPERSEDED),
                                        false),
                                PageRequest.first(10))
                        .items())
                .containsExactly(superseded);
        var since = new Dossiers.Query(
                Optional.of(client.id()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of("v2"),
                Optional.of(NOW.plusSeconds(10)),
                false);
        assertThat(dossiers().list(since, PageRequest.first(10)).items()).containsExactly(superseded);
        var otherVersion = new Dossiers.Query(
                Optional.of(client.id()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of("v9"),
                Optional.empty(),
                false);
        assertThat(dossiers().list(otherVersion, PageRequest.first(10)).items()).isEmpty();
        var ofBatch = Dossiers.Query.ofBatch(published.get(0).batch(), false);
        assertThat(dossiers().list(ofBatch, PageRequest.first(10)).items()).hasSize(7);
    }

    @Test
    void client_keys_see_released_dossiers_only_and_due_ones_are_claimed_for_release() {
        Client client = client();
        Run run = DossierFixtures.run(client, DossierFixtures.seed("Later", "later.com"), NOW);
        runs().insert(run);
        Batch batch = DossierFixtures.batch(client, run);
        batches().insert(batch);
        var options = new PublishOptions(
                Optional.of(LocalDate.parse("2026-11-24")),
                List.of(),
                io.columnline.domain.dossier.SupersedeMode.AUTO,
                Optional.empty());
        Dossier scheduled =
                Dossier.publish(DossierId.random(), run, client, batch.id(), options, Optional.empty(), NOW);
        dossiers().insert(scheduled, List.of());
        Dossier released = publish(client, DossierFixtures.seed("Now", "now.com"), NOW);

        assertThat(dossiers()
                        .list(
                                query(client, Optional.empty(), Optional.empty(), Optional.empty(), true),
                                PageRequest.first(10))
                        .items())
                .containsExactly(released);
        assertThat(dossiers().claimDueForRelease(NOW, 10)).isEmpty();
        java.time.Instant due = scheduled.releaseAt().orElseThrow();
        assertThat(dossiers().claimDueForRelease(due, 10)).containsExactly(scheduled);
        dossiers().update(scheduled.release(due));
        assertThat(dossiers().claimDueForRelease(due.plusSeconds(60), 10)).isEmpty();
    }

    private static Dossiers.Query query(
            Client client,
            Optional<DossierList> list,
            Optional<String> domain,
            Optional<DossierStatus> status,
            boolean releasedOnly) {
        return new Dossiers.Query(
                Optional.of(client.id()),
                Optional.empty(),
                list.map(DossierList::id),
                status,
                domain,
                Optional.empty(),
                Optional.empty(),
                releasedOnly);
    }
}
