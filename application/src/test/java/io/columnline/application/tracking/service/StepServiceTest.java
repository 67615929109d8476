package io.columnline.application.tracking.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.application.prompts.service.PromptService;
import io.columnline.application.shared.Fixtures;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tracking.contract.RunFixtures;
import io.columnline.application.tracking.port.in.LogStepsUseCase.Logged;
import io.columnline.application.tracking.port.in.ReadStepsUseCase;
import io.columnline.application.tracking.port.out.StepLog;
import io.columnline.domain.error.Conflict;
import io.columnline.domain.error.Forbidden;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.error.Violation;
import io.columnline.domain.run.CostSource;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.StepEntry;
import io.columnline.domain.run.StepStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StepServiceTest {
    private final RunWorld w = new RunWorld();
    private final Run run = w.acmeRun();

    private static StepEntry.Draft draft(String key, int attempt, String model, Long tokensOut, String status) {
        var d = RunFixtures.draft(key, attempt, "research");
        return new StepEntry.Draft(
                d.stepKey(),
                d.attempt(),
                d.stage(),
                d.section(),
                d.promptKey(),
                d.promptVersion(),
                model,
                d.input(),
                d.output(),
                d.tokensInput(),
                tokensOut,
                d.costUsd(),
                d.latencyMs(),
                status,
                d.error());
    }

    private List<Object> stored() {
        return new ArrayList<>(w.steps
                .list(run, new StepLog.Query(Optional.empty(), Optional.empty()), PageRequest.first(500))
                .items());
    }

    @Test
    void a_step_is_priced_from_the_model_table() {
        Logged logged = w.stepService.log(w.acmeKey, run.id(), RunFixtures.draft("r1", 1, "research"));
        assertThat(logged.created()).isTrue();
        assertThat(logged.step().costSource()).isEqualTo(CostSource.PRICED);
        assertThat(logged.step().costUsd()).contains(new BigDecimal("0.006"));
        assertThat(w.stepService
                        .log(w.acmeKey, run.id(), draft("r2", 1, "llama-9", 1L, "success"))
                        .step()
                        .costSource())
                .isEqualTo(CostSource.UNKNOWN_MODEL);
    }

    @Test
    void a_step_naming_a_registered_prompt_must_name_one_of_its_versions() {
        new PromptService(w.prompts, key -> java.util.Map.of(), w.transactions, w.clock)
                .save(
                        w.admin,
                        new io.columnline.application.prompts.port.in.SavePromptUseCase.Draft(
                                "research.prompt", "Research {{company}}", null, null, List.of()));
        var v3 = RunFixtures.draft("r1", 1, "research");
        var v1 = new StepEntry.Draft(
                "r2",
                1,
                "research",
                null,
                "research.prompt",
                1,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "success",
                null);
        var elsewhere = new StepEntry.Draft(
                "r3",
                1,
                "research",
                null,
                "kept.elsewhere",
                7,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "success",
                null);

        assertThatThrownBy(() -> w.stepService.log(w.acmeKey, run.id(), v3))
                .isInstanceOfSatisfying(
                        Invalid.class,
                        e -> assertThat(e.violations())
                                .containsExactly(new Violation(
                                        "prompt_version",
                                        "prompt 'research.prompt' has no version 3; its only version is 1")));
        assertThatThrownBy(() -> w.stepService.logBatch(w.acmeKey, run.id(), List.of(v1, v3, elsewhere)))
                .isInstanceOfSatisfying(
                        Invalid.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly("steps[1].prompt_version"));
        assertThat(stored()).isEmpty();
        assertThat(w.stepService.logBatch(w.acmeKey, run.id(), List.of(v1, elsewhere)))
                .hasSize(2);
    }

    @Test
    void a_price_set_now_applies_to_the_next_step() {
        w.stepService.log(w.acmeKey, run.id(), draft("before", 1, "llama-9", 1_000_000L, "success"));
        w.priceService.save(w.admin, "Llama-9", new BigDecimal("1"), new BigDecimal("2"));
        Logged after = w.stepService.log(w.acmeKey, run.id(), draft("after", 1, "llama-9", 1_000_000L, "success"));
        assertThat(after.step().costUsd()).contains(new BigDecimal("2.0012"));
    }

    @Test
    void sending_a_step_again_answers_the_stored_one_and_a_different_payload_is_refused() {
        Logged first = w.stepService.log(w.acmeKey, run.id(), RunFixtures.draft("r1", 1, "research"));
        w.clock.advance(java.time.Duration.ofSeconds(3));
        Logged again = w.stepService.log(w.acmeKey, run.id(), RunFixtures.draft("r1", 1, "research"));
        assertThat(again.created()).isFalse();
        assertThat(again.step()).isEqualTo(first.step());

        assertThatThrownBy(() -> w.stepService.log(w.acmeKey, run.id(), draft("r1", 1, "gpt-4o", 999L, "failure")))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("'r1' attempt 1")
                .hasMessageContaining("tokens_output, status");
        assertThat(stored()).hasSize(1);
    }

    @Test
    void steps_of_a_finished_or_unknown_or_foreign_run_are_refused() {
        assertThatThrownBy(() -> w.stepService.log(w.betaKey, run.id(), RunFixtures.draft("r1", 1, "research")))
                .isInstanceOf(NotFound.class);
        w.runService.fail(w.acmeKey, run.id(), "stop");
        assertThatThrownBy(() -> w.stepService.log(w.acmeKey, run.id(), RunFixtures.draft("r1", 1, "research")))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("failed");
        assertThatThrownBy(() ->
                        w.stepService.logBatch(w.acmeKey, run.id(), List.of(RunFixtures.draft("r1", 1, "research"))))
                .isInstanceOf(Conflict.class);
        assertThat(stored()).isEmpty();
    }

    @Test
    void a_refused_batch_names_every_problem_by_position_and_writes_nothing() {
        var batch = List.of(
                RunFixtures.draft("ok", 1, "research"),
                draft("neg", 1, "gpt-4o", -5L, "success"),
                draft("Bad Key", 1, "gpt-4o", 1L, "maybe"));
        assertThatThrownBy(() -> w.stepService.logBatch(w.acmeKey, run.id(), batch))
                .isInstanceOfSatisfying(
                        Invalid.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactlyInAnyOrder(
                                        "steps[1].tokens_output", "steps[2].status", "steps[2].step_key"));
        assertThat(stored()).isEmpty();
    }

    @Test
    void a_batch_must_have_one_to_five_hundred_steps() {
        assertThatThrownBy(() -> w.stepService.logBatch(w.acmeKey, run.id(), List.of()))
                .isInstanceOf(Invalid.class)
                .hasMessageStartingWith("steps");
        List<StepEntry.Draft> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(RunFixtures.draft("s" + i, 1, "research"));
        }
        assertThatThrownBy(() -> w.stepService.logBatch(w.acmeKey, run.id(), tooMany))
                .isInstanceOf(Invalid.class)
                .hasMessageContaining("at most 500");
    }

    @Test
    void a_batch_clashing_with_a_logged_step_is_refused_whole() {
        w.stepService.log(w.acmeKey, run.id(), RunFixtures.draft("r1", 1, "research"));
        var batch = List.of(RunFixtures.draft("new-1", 1, "research"), draft("r1", 1, "gpt-4o", 7L, "success"));
        assertThatThrownBy(() -> w.stepService.logBatch(w.acmeKey, run.id(), batch))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("steps[1]")
                .hasMessageContaining("tokens_output");
        assertThat(stored()).hasSize(1);
    }

    @Test
    void a_batch_stores_new_steps_answers_logged_ones_and_folds_repeats() {
        w.stepService.log(w.acmeKey, run.id(), RunFixtures.draft("r1", 1, "research"));
        var batch = List.of(
                RunFixtures.draft("r1", 1, "research"),
                RunFixtures.draft("r2", 1, "research"),
                RunFixtures.draft("r2", 1, "research"),
                RunFixtures.draft("r2", 2, "research"));
        List<Logged> logged = w.stepService.logBatch(w.acmeKey, run.id(), batch);
        assertThat(logged).extracting(Logged::created).containsExactly(false, true, false, true);
        assertThat(stored()).hasSize(3);

        var clashInside = List.of(RunFixtures.draft("x", 1, "research"), draft("x", 1, "gpt-4o", 1L, "success"));
        assertThatThrownBy(() -> w.stepService.logBatch(w.acmeKey, run.id(), clashInside))
                .isInstanceOfSatisfying(
                        Invalid.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("steps[1]"));
    }

    @Test
    void reading_back_gives_the_latest_successful_attempt_or_the_one_asked_for() {
        w.stepService.log(w.acmeKey, run.id(), RunFixtures.draft("writer", 1, "writers"));
        w.stepService.log(w.acmeKey, run.id(), RunFixtures.draft("writer", 2, "writers"));
        w.stepService.log(w.acmeKey, run.id(), draft("writer", 3, "gpt-4o", 0L, "failure"));

        assertThat(w.stepService
                        .latestSucceeded(w.acmeKey, run.id(), "writer")
                        .entry()
                        .attempt())
                .isEqualTo(2);
        assertThat(w.stepService
                        .attempt(w.acmeKey, run.id(), "writer", 3)
                        .entry()
                        .status())
                .isEqualTo(StepStatus.FAILURE);
        assertThatThrownBy(() -> w.stepService.attempt(w.acmeKey, run.id(), "writer", 4))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> w.stepService.latestSucceeded(w.acmeKey, run.id(), "nothing"))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> w.stepService.latestSucceeded(w.betaKey, run.id(), "writer"))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> w.stepService.latestSucceeded(w.acmeKey, run.id(), "Writer!"))
                .isInstanceOf(Invalid.class);

        var failures = new ReadStepsUseCase.Query(Optional.empty(), Optional.of(StepStatus.FAILURE));
        assertThat(w.stepService
                        .list(w.acmeKey, run.id(), failures, PageRequest.first(10))
                        .items())
                .hasSize(1);
    }

    @Test
    void only_an_admin_sets_prices_and_an_unchanged_price_is_not_rewritten() {
        assertThatThrownBy(() -> w.priceService.save(w.acmeKey, "gpt-9", BigDecimal.ONE, BigDecimal.ONE))
                .isInstanceOf(Forbidden.class);
        assertThat(w.priceService
                        .save(w.admin, "gpt-9", BigDecimal.ONE, BigDecimal.TEN)
                        .created())
                .isTrue();
        w.clock.advance(java.time.Duration.ofMinutes(1));
        var again = w.priceService.save(w.admin, "gpt-9", new BigDecimal("1.0"), BigDecimal.TEN);
        assertThat(again.created()).isFalse();
        assertThat(again.price().updatedAt()).isEqualTo(Fixtures.NOW);
        assertThat(w.priceService.list()).extracting(p -> p.model()).containsExactly("gpt-4o", "gpt-9");
    }
}
