package io.columnline.application.tracking.contract;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.application.shared.Fixtures;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.domain.client.Client;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.RunStatus;
import io.columnline.domain.run.Seed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link Runs} adapter must do; run against the in-memory and the Postgres one. */
public abstract class RunsContract {
    protected abstract Runs runs();

    protected abstract Clients clients();

    private Client client(String slug) {
        Client client = Fixtures.client(slug);
        clients().save(client);
        return client;
    }

    @Test
    void a_run_is_stored_with_every_field() {
        Client acme = client("acme");
        var seed = new Seed(
                "Beta GmbH",
                "beta.de",
                Optional.of("c-42"),
                new JsonDocument(
                        "{\"company_id\":\"c-42\",\"company_name\":\"Beta GmbH\",\"domain\":\"beta.de\",\"size\":12}"));
        Run run = Run.start(RunId.random(), acme.id(), seed, Optional.of("v3"), Optional.of("make-exec-1"), NOW);
        runs().insert(run);

        assertThat(runs().byId(run.id())).contains(run);
        assertThat(runs().lock(run.id())).contains(run);
        assertThat(runs().lockShared(run.id())).contains(run);
        assertThat(runs().byId(RunId.random())).isEmpty();
        assertThat(runs().lockShared(RunId.random())).isEmpty();
    }

    @Test
    void an_update_stores_status_error_and_finish_time() {
        Run run = RunFixtures.run(client("acme"));
        runs().insert(run);
        Run failed = run.fail("writer timed out", NOW.plusSeconds(90));
        runs().update(failed);

        Run stored = Fixtures.present(runs().byId(run.id()));
        assertThat(stored).isEqualTo(failed);
        assertThat(stored.status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void a_run_is_found_by_its_clients_external_id_only() {
        Client acme = client("acme");
        Client beta = client("beta");
        Run run = Run.start(
                RunId.random(), acme.id(), RunFixtures.seed("Acme"), Optional.empty(), Optional.of("x-1"), NOW);
        runs().insert(run);

        assertThat(runs().byExternalId(acme.id(), "x-1")).contains(run);
        assertThat(runs().byExternalId(beta.id(), "x-1")).isEmpty();
        assertThat(runs().byExternalId(acme.id(), "x-2")).isEmpty();
    }

    @Test
    void a_second_run_with_the_same_external_id_is_refused_but_another_client_may_use_it() {
        Client acme = client("acme");
        Client beta = client("beta");
        runs().insert(Run.start(
                RunId.random(), acme.id(), RunFixtures.seed("A"), Optional.empty(), Optional.of("x"), NOW));

        assertThatThrownBy(() -> runs().insert(Run.start(
                        RunId.random(), acme.id(), RunFixtures.seed("A"), Optional.empty(), Optional.of("x"), NOW)))
                .isInstanceOf(RuntimeException.class);
        runs().insert(Run.start(
                RunId.random(), beta.id(), RunFixtures.seed("A"), Optional.empty(), Optional.of("x"), NOW));
        runs().insert(RunFixtures.run(acme));
        runs().insert(RunFixtures.run(acme));
    }

    @Test
    void list_pages_newest_first_and_filters_by_client_status_and_start() {
        Client acme = client("acme");
        Client beta = client("beta");
        List<Run> acmeRuns = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Run run = RunFixtures.run(acme, NOW.plus(Duration.ofMinutes(i)));
            runs().insert(run);
            acmeRuns.add(run);
        }
        Run sameTime = RunFixtures.run(acme, NOW.plus(Duration.ofMinutes(4)));
        runs().insert(sameTime);
        Run other = RunFixtures.run(beta, NOW.plus(Duration.ofMinutes(10)));
        runs().insert(other);
        runs().update(acmeRuns.get(1).complete(NOW.plus(Duration.ofHours(1))));

        var all = new Runs.Query(Optional.empty(), Optional.empty(), Optional.empty());
        List<Run> seen = new ArrayList<>();
        var page = runs().list(all, PageRequest.first(3));
        seen.addAll(page.items());
        while (page.next().isPresent()) {
            page = runs().list(all, new PageRequest(3, page.next()));
            seen.addAll(page.items());
        }
        assertThat(seen).extracting(Run::id).hasSize(7).doesNotHaveDuplicates();
        assertThat(seen.get(0)).isEqualTo(other);
        assertThat(seen.get(6).id()).isEqualTo(acmeRuns.get(0).id());
        assertThat(seen).extracting(Run::startedAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        var onlyAcme = runs().list(
                        new Runs.Query(Optional.of(acme.id()), Optional.empty(), Optional.empty()),
                        PageRequest.first(50));
        assertThat(onlyAcme.items()).hasSize(6).allMatch(r -> r.client().equals(acme.id()));

        var completed = runs().list(
                        new Runs.Query(Optional.of(acme.id()), Optional.of(RunStatus.COMPLETED), Optional.empty()),
                        PageRequest.first(50));
        assertThat(completed.items())
                .extracting(Run::id)
                .containsExactly(acmeRuns.get(1).id());

        var recent = runs().list(
                        new Runs.Query(
                                Optional.empty(), Optional.empty(), Optional.of(NOW.plus(Duration.ofMinutes(3)))),
                        PageRequest.first(50));
        assertThat(recent.items())
                .extracting(Run::id)
                .containsExactlyInAnyOrder(
                        other.id(),
                        sameTime.id(),
                        acmeRuns.get(4).id(),
                        acmeRuns.get(3).id());
    }

    @Test
    void lists_filter_by_start_before_pipeline_version_and_company_name_or_domain() {
        Client acme = client("acme-filters");
        Run early = RunFixtures.run(acme, NOW);
        Run globex = Run.start(
                io.columnline.domain.run.RunId.random(),
                acme.id(),
                RunFixtures.seed("Globex Widgets"),
                Optional.of("v3"),
                Optional.empty(),
                NOW.plus(Duration.ofMinutes(5)));
        runs().insert(early);
        runs().insert(globex);
        java.util.function.Function<Runs.Query, List<io.columnline.domain.run.RunId>> ids =
                q -> runs().list(q, PageRequest.first(50)).items().stream()
                        .map(Run::id)
                        .toList();
        Optional<io.columnline.domain.client.ClientId> only = Optional.of(acme.id());

        assertThat(ids.apply(new Runs.Query(
                        only,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(NOW.plus(Duration.ofMinutes(5))),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())))
                .containsExactly(early.id());
        assertThat(ids.apply(new Runs.Query(
                        only,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("v3"),
                        Optional.empty(),
                        Optional.empty())))
                .containsExactly(globex.id());
        for (String part : new String[] {"globex", "WIDGETS", "globex-widgets.com"}) {
            assertThat(ids.apply(new Runs.Query(
                            only,
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.of(part),
                            Optional.empty())))
                    .as(part)
                    .containsExactly(globex.id());
        }
        assertThat(ids.apply(new Runs.Query(
                        only,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("100%_"),
                        Optional.empty())))
                .isEmpty();
    }
}
