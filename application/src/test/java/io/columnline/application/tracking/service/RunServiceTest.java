package io.columnline.application.tracking.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.application.shared.PageRequest;
import io.columnline.application.tracking.contract.RunFixtures;
import io.columnline.application.tracking.port.in.ReadRunsUseCase;
import io.columnline.application.tracking.port.in.RunDetails;
import io.columnline.application.tracking.port.in.StartRunUseCase;
import io.columnline.domain.error.Conflict;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunStatus;
import io.columnline.domain.run.StageStatus;
import io.columnline.domain.run.Totals;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunServiceTest {
    private final RunWorld w = new RunWorld();

    private StartRunUseCase.Started start(
            io.columnline.domain.access.Caller caller, String client, String company, String externalId) {
        return w.runService.start(new StartRunUseCase.Command(
                caller,
                Optional.ofNullable(client),
                RunFixtures.seed(company),
                Optional.empty(),
                Optional.ofNullable(externalId)));
    }

    @Test
    void an_admin_starts_a_run_for_a_client_named_by_slug_or_id() {
        var bySlug = start(w.admin, "acme", "Target", null);
        assertThat(bySlug.created()).isTrue();
        assertThat(bySlug.run().client().value()).isEqualTo("acme");
        assertThat(bySlug.run().run().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(bySlug.run().totals()).isEqualTo(Totals.NONE);

        var byId = start(w.admin, w.beta.id().toString(), "Target", null);
        assertThat(byId.run().run().client()).isEqualTo(w.beta.id());
    }

    @Test
    void an_admin_must_name_the_client_and_a_client_key_only_its_own() {
        assertThatThrownBy(() -> start(w.admin, null, "Target", null))
                .isInstanceOf(Invalid.class)
                .hasMessageStartingWith("client");
        assertThat(start(w.acmeKey, null, "Target", null).run().run().client()).isEqualTo(w.acme.id());
        assertThatThrownBy(() -> start(w.acmeKey, "beta", "Target", null)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> start(w.admin, "nobody", "Target", null)).isInstanceOf(NotFound.class);
    }

    @Test
    void the_same_external_id_answers_the_run_it_started() {
        var first = start(w.acmeKey, null, "Target", "exec-1");
        var again = start(w.acmeKey, "acme", "Target", "exec-1");
        assertThat(again.created()).isFalse();
        assertThat(again.run().run()).isEqualTo(first.run().run());
        assertThat(start(w.betaKey, null, "Target", "exec-1").created()).isTrue();
        assertThatThrownBy(() -> start(w.acmeKey, null, "Other Company", "exec-1"))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("exec-1");
    }

    @Test
    void another_clients_run_does_not_exist_for_a_client_key() {
        Run run = w.acmeRun();
        assertThat(w.runService.get(w.acmeKey, run.id()).run()).isEqualTo(run);
        assertThat(w.runService.get(w.admin, run.id()).run()).isEqualTo(run);
        assertThatThrownBy(() -> w.runService.get(w.betaKey, run.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> w.runService.complete(w.betaKey, run.id())).isInstanceOf(NotFound.class);
    }

    @Test
    void details_add_up_steps_per_stage_including_stages_only_steps_name() {
        Run run = w.acmeRun();
        w.stageService.start(w.acmeKey, run.id(), "research");
        w.stepService.log(w.acmeKey, run.id(), RunFixtures.draft("r1", 1, "research"));
        w.stepService.log(w.acmeKey, run.id(), RunFixtures.draft("r2", 1, "research"));
        w.stepService.log(w.acmeKey, run.id(), RunFixtures.draft("w1", 1, "writers"));
        w.clock.advance(Duration.ofSeconds(30));

        RunDetails details = w.runService.get(w.acmeKey, run.id());
        assertThat(details.stages()).extracting(RunDetails.StageDetails::name).containsExactly("research", "writers");
        assertThat(details.stages().get(0).stage()).map(s -> s.status()).contains(StageStatus.RUNNING);
        assertThat(details.stages().get(1).stage()).isEmpty();
        assertThat(details.stages().get(0).totals().steps()).isEqualTo(2);
        assertThat(details.totals()).isEqualTo(new Totals(3, 3, 0, 3600, 900, new BigDecimal("0.018"), 0, 2850));
        assertThat(details.run().duration(details.asOf())).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void a_run_completes_or_fails_once_and_repeating_the_same_end_is_harmless() {
        Run run = w.acmeRun();
        w.clock.advance(Duration.ofMinutes(2));
        RunDetails completed = w.runService.complete(w.acmeKey, run.id());
        assertThat(completed.run().status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(completed.run().finishedAt()).contains(run.startedAt().plus(Duration.ofMinutes(2)));
        assertThat(w.runService.complete(w.acmeKey, run.id()).run()).isEqualTo(completed.run());
        assertThatThrownBy(() -> w.runService.fail(w.acmeKey, run.id(), "late")).isInstanceOf(Conflict.class);

        Run other = w.acmeRun();
        assertThat(w.runService.fail(w.acmeKey, other.id(), "timeout").run().error())
                .contains("timeout");
    }

    @Test
    void lists_show_a_client_key_only_its_own_runs_newest_first() {
        Run older = w.acmeRun();
        w.clock.advance(Duration.ofSeconds(1));
        Run newer = w.acmeRun();
        start(w.betaKey, null, "B", null);
        w.runService.complete(w.acmeKey, older.id());

        var none = new ReadRunsUseCase.Query(Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(w.runService.list(w.acmeKey, none, PageRequest.first(10)).items())
                .extracting(l -> l.run().id())
                .containsExactly(newer.id(), older.id());
        assertThat(w.runService.list(w.admin, none, PageRequest.first(10)).items())
                .hasSize(3);
        var completedOfAcme =
                new ReadRunsUseCase.Query(Optional.of("acme"), Optional.of(RunStatus.COMPLETED), Optional.empty());
        assertThat(w.runService
                        .list(w.admin, completedOfAcme, PageRequest.first(10))
                        .items())
                .extracting(l -> l.client().value() + "/" + l.run().id())
                .containsExactly("acme/" + older.id());
        var ofBeta = new ReadRunsUseCase.Query(Optional.of("beta"), Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> w.runService.list(w.acmeKey, ofBeta, PageRequest.first(10)))
                .isInstanceOf(NotFound.class);
    }
}
