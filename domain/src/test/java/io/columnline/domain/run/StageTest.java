package io.columnline.domain.run;

import static io.columnline.domain.run.RunTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.domain.error.Conflict;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.json.JsonDocument;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StageTest {
    static Stage.Outcome ended(StageStatus status) {
        return new Stage.Outcome(status, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private final Run run = RunTest.running();

    @Test
    void a_started_stage_runs_its_first_attempt() {
        Stage stage = Stage.start(run, "research", NOW);
        assertThat(stage.status()).isEqualTo(StageStatus.RUNNING);
        assertThat(stage.attempts()).isEqualTo(1);
        assertThat(stage.client()).isEqualTo(run.client());
    }

    @Test
    void starting_again_after_failure_or_retry_counts_an_attempt() {
        Stage failed = Stage.start(run, "research", NOW).complete(ended(StageStatus.FAILURE), NOW.plusSeconds(1));
        Stage second = failed.startAgain(NOW.plusSeconds(2));
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.status()).isEqualTo(StageStatus.RUNNING);
        assertThat(second.finishedAt()).isEmpty();
        Stage third =
                second.complete(ended(StageStatus.RETRY), NOW.plusSeconds(3)).startAgain(NOW.plusSeconds(4));
        assertThat(third.attempts()).isEqualTo(3);
    }

    @Test
    void starting_a_running_stage_again_changes_nothing() {
        Stage stage = Stage.start(run, "research", NOW);
        assertThat(stage.startAgain(NOW.plusSeconds(5))).isEqualTo(stage);
    }

    @Test
    void a_stage_that_succeeded_or_was_skipped_cannot_start_again() {
        Stage done = Stage.start(run, "research", NOW).complete(ended(StageStatus.SUCCESS), NOW);
        assertThatThrownBy(() -> done.startAgain(NOW))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("success");
        Stage skipped = Stage.start(run, "merge", NOW).complete(ended(StageStatus.SKIPPED), NOW);
        assertThatThrownBy(() -> skipped.startAgain(NOW)).isInstanceOf(Conflict.class);
    }

    @Test
    void completing_records_the_outcome_and_the_same_completion_again_changes_nothing() {
        var outcome = new Stage.Outcome(
                StageStatus.SUCCESS,
                Optional.empty(),
                Optional.of(new JsonDocument("[1]")),
                Optional.of(new JsonDocument("{\"ids\":[2]}")),
                Optional.of(new JsonDocument("{\"cache_hit\":true}")));
        Stage done = Stage.start(run, "research", NOW).complete(outcome, NOW.plusSeconds(3));
        assertThat(done.status()).isEqualTo(StageStatus.SUCCESS);
        assertThat(done.outputRefs()).contains(new JsonDocument("{\"ids\":[2]}"));
        assertThat(done.finishedAt()).contains(NOW.plusSeconds(3));
        assertThat(done.complete(outcome, NOW.plusSeconds(9))).isEqualTo(done);
        assertThatThrownBy(() -> done.complete(ended(StageStatus.FAILURE), NOW)).isInstanceOf(Conflict.class);
    }

    @Test
    void a_new_completion_after_failure_is_another_attempt() {
        Stage failed = Stage.start(run, "research", NOW).complete(ended(StageStatus.FAILURE), NOW);
        Stage succeeded = failed.complete(ended(StageStatus.SUCCESS), NOW.plusSeconds(10));
        assertThat(succeeded.attempts()).isEqualTo(2);
        assertThat(succeeded.status()).isEqualTo(StageStatus.SUCCESS);
    }

    @Test
    void a_stage_completed_without_start_is_one_finished_attempt() {
        Stage stage = Stage.completedWithoutStart(run, "claims", ended(StageStatus.SKIPPED), NOW);
        assertThat(stage.attempts()).isEqualTo(1);
        assertThat(stage.status()).isEqualTo(StageStatus.SKIPPED);
        assertThat(stage.startedAt()).isEqualTo(NOW);
    }

    @Test
    void a_stage_cannot_complete_as_running_and_its_name_must_be_a_key() {
        assertThatThrownBy(() -> ended(StageStatus.RUNNING))
                .isInstanceOf(Invalid.class)
                .hasMessageStartingWith("status");
        assertThatThrownBy(() -> Stage.start(run, "Research Stage", NOW))
                .isInstanceOf(Invalid.class)
                .hasMessageStartingWith("stage");
    }
}
