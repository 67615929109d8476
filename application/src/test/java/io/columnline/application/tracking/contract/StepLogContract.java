package io.columnline.application.tracking.contract;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.shared.Fixtures;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.application.tracking.port.out.StepLog;
import io.columnline.application.tracking.port.out.StepLog.Appended;
import io.columnline.domain.client.Client;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.run.CostSource;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.Step;
import io.columnline.domain.run.StepEntry;
import io.columnline.domain.run.StepEntry.StepRef;
import io.columnline.domain.run.StepStatus;
import io.columnline.domain.run.Totals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link StepLog} adapter must do; run against the in-memory and the Postgres one. */
public abstract class StepLogContract {
    protected abstract StepLog steps();

    protected abstract Runs runs();

    protected abstract Clients clients();

    /** Appends steps to a running run, which must succeed. */
    private List<Appended> append(List<Step> steps) {
        StepLog.Appending appending = steps().append(steps);
        assertThat(appending).isInstanceOf(StepLog.Appending.Done.class);
        return ((StepLog.Appending.Done) appending).steps();
    }

    private Run run() {
        Client client =
                Fixtures.client("acme-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        clients().save(client);
        Run run = RunFixtures.run(client);
        runs().insert(run);
        return run;
    }

    @Test
    void a_step_is_stored_with_every_field() {
        Run run = run();
        var full = new StepEntry(
                "writer.summary",
                2,
                "writers",
                Optional.of("summary"),
                Optional.of("writer-summary"),
                Optional.of(7),
                Optional.of("claude-sonnet-4-20250514"),
                Optional.of(new JsonDocument("{\"a\":[1,2,{\"b\":null}]}")),
                Optional.of(new JsonDocument("\"plain text output ü\"")),
                Optional.of(12_000_000_000L),
                Optional.of(0L),
                Optional.of(new BigDecimal("0.0000001")),
                Optional.of(1234L),
                StepStatus.FAILURE,
                Optional.of("upstream 529"));
        Step step = new Step(run.id(), run.client(), full, full.costUsd(), CostSource.GIVEN, NOW);
        var bare = new StepEntry(
                "bare",
                1,
                "misc",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                StepStatus.SUCCESS,
                Optional.empty());
        Step empty = new Step(run.id(), run.client(), bare, Optional.empty(), CostSource.NONE, NOW);

        assertThat(append(List.of(step, empty))).containsExactly(new Appended(step, true), new Appended(empty, true));
        assertThat(steps().find(run.client(), run.id(), List.of(step.ref(), empty.ref(), new StepRef("bare", 2))))
                .containsExactlyInAnyOrder(step, empty);
    }

    @Test
    void steps_are_stored_only_while_their_run_runs_for_their_client() {
        Run run = run();
        Step step = RunFixtures.step(run, "a", 1, "research", NOW);
        Step wrongClient = new Step(
                run.id(),
                io.columnline.domain.client.ClientId.random(),
                step.entry(),
                step.costUsd(),
                step.costSource(),
                NOW);
        Run missing = RunFixtures.run(Fixtures.client("ghost"));
        assertThat(steps().append(List.of(wrongClient))).isEqualTo(new StepLog.Appending.NoRun());
        assertThat(steps().append(List.of(RunFixtures.step(missing, "a", 1, "research", NOW))))
                .isEqualTo(new StepLog.Appending.NoRun());

        runs().update(run.complete(NOW.plusSeconds(1)));
        assertThat(steps().append(List.of(step, RunFixtures.step(run, "b", 1, "research", NOW))))
                .isEqualTo(new StepLog.Appending.RunFinished(io.columnline.domain.run.RunStatus.COMPLETED));
        assertThat(steps().find(run.client(), run.id(), List.of(step.ref()))).isEmpty();
    }

    @Test
    void an_identity_that_is_taken_answers_the_earlier_step_whatever_the_new_payload() {
        Run run = run();
        Step first = RunFixtures.step(run, "research.claims", 1, "research", NOW);
        append(List.of(first));

        Step same = RunFixtures.step(run, "research.claims", 1, "research", NOW.plusSeconds(5));
        Step different =
                RunFixtures.step(run, RunFixtures.failed("research.claims", 1, "research"), NOW.plusSeconds(6));
        Step retry = RunFixtures.step(run, "research.claims", 2, "research", NOW.plusSeconds(7));

        assertThat(append(List.of(same, different, retry)))
                .containsExactly(new Appended(first, false), new Appended(first, false), new Appended(retry, true));
        assertThat(steps().list(run, new StepLog.Query(Optional.empty(), Optional.empty()), PageRequest.first(10))
                        .items())
                .containsExactly(first, retry);
    }

    @Test
    void append_all_stores_every_new_step_and_answers_the_taken_ones_with_the_same_payload() {
        Run run = run();
        Step first = RunFixtures.step(run, "research.claims", 1, "research", NOW);
        append(List.of(first));

        Step same = RunFixtures.step(run, "research.claims", 1, "research", NOW.plusSeconds(5));
        Step fresh = RunFixtures.step(run, "research.summary", 1, "research", NOW.plusSeconds(5));
        assertThat(steps().appendAll(List.of(same, fresh)))
                .isEqualTo(new StepLog.Appending.Done(List.of(new Appended(first, false), new Appended(fresh, true))));
        assertThat(steps().find(run.client(), run.id(), List.of(first.ref(), fresh.ref())))
                .containsExactlyInAnyOrder(first, fresh);
    }

    @Test
    void append_all_stores_nothing_when_one_step_clashes_with_a_stored_one() {
        Run run = run();
        Step first = RunFixtures.step(run, "research.claims", 1, "research", NOW);
        append(List.of(first));

        Step fresh = RunFixtures.step(run, "research.summary", 1, "research", NOW.plusSeconds(5));
        Step different =
                RunFixtures.step(run, RunFixtures.failed("research.claims", 1, "research"), NOW.plusSeconds(6));
        assertThat(steps().appendAll(List.of(fresh, different)))
                .isEqualTo(new StepLog.Appending.Clashed(List.of(first)));
        assertThat(steps().find(run.client(), run.id(), List.of(first.ref(), fresh.ref())))
                .containsExactly(first);

        runs().update(run.complete(NOW.plusSeconds(7)));
        assertThat(steps().appendAll(List.of(fresh)))
                .isEqualTo(new StepLog.Appending.RunFinished(io.columnline.domain.run.RunStatus.COMPLETED));
        Run missing = RunFixtures.run(Fixtures.client("ghost"));
        assertThat(steps().appendAll(List.of(RunFixtures.step(missing, "a", 1, "research", NOW))))
                .isEqualTo(new StepLog.Appending.NoRun());
    }

    @Test
    void the_same_step_appended_concurrently_is_stored_once() throws Exception {
        Run run = run();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Appended>> sends = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Step step = RunFixtures.step(run, "same", 1, "research", NOW.plusMillis(i));
                sends.add(() -> ((StepLog.Appending.Done) steps().append(List.of(step)))
                        .steps()
                        .get(0));
            }
            List<Appended> answers = new ArrayList<>();
            for (Future<Appended> answer : pool.invokeAll(sends)) {
                answers.add(answer.get());
            }
            assertThat(answers).filteredOn(Appended::created).hasSize(1);
            Step winner = answers.stream()
                    .filter(Appended::created)
                    .findFirst()
                    .orElseThrow()
                    .stored();
            assertThat(answers).extracting(Appended::stored).containsOnly(winner);
            assertThat(steps().find(run.client(), run.id(), List.of(new StepRef("same", 1))))
                    .containsExactly(winner);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void single_steps_appended_concurrently_to_several_runs_each_get_their_own_answer() throws Exception {
        Run open = run();
        Run other = run();
        Run finished = run();
        runs().update(finished.complete(NOW.plusSeconds(1)));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Step> sent = new ArrayList<>();
            List<Callable<StepLog.Appending>> sends = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                Run target = i % 3 == 0 ? open : i % 3 == 1 ? other : finished;
                Step step = RunFixtures.step(target, "s" + i, 1, "research", NOW.plusMillis(i));
                sent.add(step);
                sends.add(() -> steps().append(List.of(step)));
            }
            List<Future<StepLog.Appending>> answers = pool.invokeAll(sends);
            for (int i = 0; i < sent.size(); i++) {
                Step step = sent.get(i);
                if (step.run().equals(finished.id())) {
                    assertThat(answers.get(i).get())
                            .isEqualTo(new StepLog.Appending.RunFinished(io.columnline.domain.run.RunStatus.COMPLETED));
                } else {
                    assertThat(answers.get(i).get())
                            .isEqualTo(new StepLog.Appending.Done(List.of(new Appended(step, true))));
                }
            }
            assertThat(steps().list(open, new StepLog.Query(Optional.empty(), Optional.empty()), PageRequest.first(50))
                            .items())
                    .hasSize(16);
            assertThat(steps().list(
                                    finished,
                                    new StepLog.Query(Optional.empty(), Optional.empty()),
                                    PageRequest.first(50))
                            .items())
                    .isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void list_pages_in_log_order_and_filters_by_stage_and_status() {
        Run run = run();
        Run other = run();
        List<Step> logged = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String stage = i % 2 == 0 ? "research" : "writers";
            logged.add(RunFixtures.step(run, "step-" + (7 - i), 1, stage, NOW.plusSeconds(i / 2)));
        }
        append(logged);
        append(List.of(RunFixtures.step(other, "step-1", 1, "research", NOW)));
        Step failed = RunFixtures.step(run, RunFixtures.failed("step-9", 1, "research"), NOW.plusSeconds(60));
        append(List.of(failed));

        var everything = new StepLog.Query(Optional.empty(), Optional.empty());
        List<Step> seen = new ArrayList<>();
        Page<Step> page = steps().list(run, everything, PageRequest.first(3));
        seen.addAll(page.items());
        while (page.next().isPresent()) {
            page = steps().list(run, everything, new PageRequest(3, page.next()));
            seen.addAll(page.items());
        }
        List<Step> expected = new ArrayList<>(logged);
        expected.add(failed);
        expected.sort(java.util.Comparator.comparing(Step::loggedAt)
                .thenComparing(s -> s.entry().stepKey()));
        assertThat(seen).containsExactlyElementsOf(expected);

        assertThat(steps().list(run, new StepLog.Query(Optional.of("writers"), Optional.empty()), PageRequest.first(50))
                        .items())
                .hasSize(3)
                .allMatch(s -> s.entry().stage().equals("writers"));
        assertThat(steps().list(
                                run,
                                new StepLog.Query(Optional.of("research"), Optional.of(StepStatus.FAILURE)),
                                PageRequest.first(50))
                        .items())
                .containsExactly(failed);
    }

    @Test
    void the_latest_successful_attempt_is_the_highest_numbered_success() {
        Run run = run();
        append(List.of(
                RunFixtures.step(run, "writer", 1, "writers", NOW),
                RunFixtures.step(run, "writer", 2, "writers", NOW.plusSeconds(1)),
                RunFixtures.step(run, RunFixtures.failed("writer", 3, "writers"), NOW.plusSeconds(2)),
                RunFixtures.step(run, RunFixtures.failed("only-failed", 1, "writers"), NOW)));

        assertThat(steps().latestSucceeded(run, "writer"))
                .map(s -> s.entry().attempt())
                .contains(2);
        assertThat(steps().latestSucceeded(run, "only-failed")).isEmpty();
        assertThat(steps().latestSucceeded(run, "missing")).isEmpty();
    }

    @Test
    void each_section_is_the_latest_successful_step_that_names_it() {
        Run run = run();
        steps().append(List.of(
                section(run, "writer.overview", 1, "overview", NOW, true),
                section(run, "writer.overview", 2, "overview", NOW.plusSeconds(2), true),
                section(run, "writer.overview.fix", 1, "overview", NOW.plusSeconds(1), true),
                section(run, "writer.signals", 1, "signals", NOW, true),
                section(run, "writer.signals", 2, "signals", NOW.plusSeconds(5), false),
                section(run, "writer.people", 1, "people", NOW, false),
                RunFixtures.step(run, "research", 1, "research", NOW)));

        Map<String, Step> latest = steps().latestSucceededBySection(run);
        assertThat(latest).containsOnlyKeys("overview", "signals");
        assertThat(latest.get("overview").ref()).isEqualTo(new StepRef("writer.overview", 2));
        assertThat(latest.get("signals").ref()).isEqualTo(new StepRef("writer.signals", 1));
        assertThat(steps().latestSucceededBySection(run())).isEmpty();
    }

    private static Step section(Run run, String key, int attempt, String section, java.time.Instant at, boolean ok) {
        StepEntry e = ok ? RunFixtures.entry(key, attempt, "writers") : RunFixtures.failed(key, attempt, "writers");
        StepEntry named = new StepEntry(
                e.stepKey(),
                e.attempt(),
                e.stage(),
                Optional.of(section),
                e.promptKey(),
                e.promptVersion(),
                e.model(),
                e.input(),
                e.output(),
                e.tokensInput(),
                e.tokensOutput(),
                e.costUsd(),
                e.latencyMs(),
                e.status(),
                e.error());
        return RunFixtures.step(run, named, at);
    }

    @Test
    void totals_add_up_every_attempt_per_stage() {
        Run run = run();
        Step priced = RunFixtures.step(run, "a", 1, "research", NOW);
        Step failed = RunFixtures.step(run, RunFixtures.failed("a", 2, "research"), NOW);
        var unpricedEntry = RunFixtures.entry("w", 1, "writers");
        Step unpriced =
                new Step(run.id(), run.client(), unpricedEntry, Optional.empty(), CostSource.UNKNOWN_MODEL, NOW);
        append(List.of(priced, failed, unpriced));
        append(List.of(RunFixtures.step(run(), "a", 1, "research", NOW)));

        Map<String, Totals> totals = steps().totalsByStage(run);
        assertThat(totals).containsOnlyKeys("research", "writers");
        assertThat(totals.get("research")).isEqualTo(new Totals(2, 1, 1, 2400, 300, new BigDecimal("0.012"), 0, 1900));
        assertThat(totals.get("writers")).isEqualTo(new Totals(1, 1, 0, 1200, 300, BigDecimal.ZERO, 1, 950));
        assertThat(steps().totalsByStage(run())).isEmpty();
    }

    private static Step prepared(Run run, String key, int attempt, String instance, java.time.Instant at) {
        var entry = new StepEntry(
                key,
                attempt,
                "research",
                Optional.empty(),
                Optional.of("v2.research"),
                Optional.of(1),
                Optional.of("gpt-4.1"),
                Optional.of(new JsonDocument("{\"seed\":1}")),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                StepStatus.RUNNING,
                Optional.empty(),
                instance);
        return new Step(run.id(), run.client(), entry, Optional.empty(), CostSource.NONE, at);
    }

    private static Step succeeded(Step running, String output) {
        var e = running.entry();
        var entry = new StepEntry(
                e.stepKey(),
                e.attempt(),
                e.stage(),
                e.section(),
                e.promptKey(),
                e.promptVersion(),
                e.model(),
                e.input(),
                Optional.of(new JsonDocument(output)),
                Optional.of(10L),
                Optional.of(5L),
                Optional.empty(),
                Optional.of(100L),
                StepStatus.SUCCESS,
                Optional.empty(),
                e.instance());
        return new Step(
                running.run(),
                running.client(),
                entry,
                Optional.of(new BigDecimal("0.01")),
                CostSource.PARSED,
                running.loggedAt(),
                Optional.of("a warning"));
    }

    @Test
    void a_running_attempt_is_finished_in_place_once_and_instances_are_told_apart() {
        Run run = run();
        Step jane = prepared(run, "copy", 1, "jane@acme.com", NOW);
        Step omar = prepared(run, "copy", 2, "omar@acme.com", NOW.plusSeconds(1));
        append(List.of(jane, omar));
        assertThat(steps().lastAttempt(run, "copy")).isEqualTo(2);
        assertThat(steps().lastAttempt(run, "other")).isZero();
        assertThat(steps().running(run, "copy", "jane@acme.com")).contains(jane);
        assertThat(steps().running(run)).containsExactly(jane, omar);

        Step done = succeeded(jane, "{\"text\":\"hi jane\"}");
        assertThat(steps().finish(done)).isTrue();
        assertThat(steps().finish(done)).isFalse();
        assertThat(steps().running(run, "copy", "jane@acme.com")).isEmpty();
        assertThat(steps().find(run.client(), run.id(), List.of(jane.ref()))).containsExactly(done);
        assertThat(steps().latestSucceeded(run, List.of("copy"))).containsExactly(done);
        assertThat(steps().succeededKeys(run)).containsExactly("copy");

        Step omarDone = succeeded(omar, "{\"text\":\"hi omar\"}");
        steps().finish(omarDone);
        assertThat(steps().latestSucceeded(run, List.of())).containsExactly(done, omarDone);
    }

    @Test
    void steps_left_running_past_the_cutoff_time_out_and_a_finish_after_that_changes_nothing() {
        Run run = run();
        Step stale = prepared(run, "deep_research", 1, "", NOW.minusSeconds(7200));
        Step fresh = prepared(run, "writer", 1, "", NOW);
        append(List.of(stale, fresh));
        assertThat(steps().timeOut(NOW.minusSeconds(60), 10)).isEqualTo(1);
        assertThat(steps().timeOut(NOW.minusSeconds(60), 10)).isZero();
        Step failed = steps().find(run.client(), run.id(), List.of(stale.ref())).get(0);
        assertThat(failed.entry().status()).isEqualTo(StepStatus.FAILURE);
        assertThat(failed.entry().error()).contains(StepLog.TIMED_OUT);
        assertThat(steps().finish(succeeded(stale, "{}"))).isFalse();
        assertThat(steps().running(run)).containsExactly(fresh);
    }
}
