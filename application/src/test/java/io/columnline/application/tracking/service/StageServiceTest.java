package io.columnline.application.tracking.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.application.tracking.contract.RunFixtures;
import io.columnline.application.tracking.port.in.RunDetails.StageDetails;
import io.columnline.domain.error.Conflict;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.Stage;
import io.columnline.domain.run.StageStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StageServiceTest {
    private final RunWorld w = new RunWorld();
    private final Run run = w.acmeRun();

    private static Stage.Outcome ended(StageStatus status) {
        return new Stage.Outcome(status, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private Stage stage(StageDetails details) {
        return details.stage().orElseThrow();
    }

    @Test
    void a_stage_started_again_after_failure_counts_an_attempt() {
        assertThat(stage(w.stageService.start(w.acmeKey, run.id(), "research")).attempts())
                .isEqualTo(1);
        assertThat(stage(w.stageService.start(w.acmeKey, run.id(), "research")).attempts())
                .isEqualTo(1);
        w.stageService.complete(w.acmeKey, run.id(), "research", ended(StageStatus.FAILURE));
        Stage second = stage(w.stageService.start(w.acmeKey, run.id(), "research"));
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.status()).isEqualTo(StageStatus.RUNNING);
        assertThat(w.stages.ofRun(run)).containsExactly(second);
    }

    @Test
    void completing_answers_the_stage_with_its_steps_totals() {
        w.stageService.start(w.acmeKey, run.id(), "research");
        w.stepService.log(w.acmeKey, run.id(), RunFixtures.draft("r1", 1, "research"));
        StageDetails done = w.stageService.complete(w.acmeKey, run.id(), "research", ended(StageStatus.SUCCESS));
        assertThat(stage(done).status()).isEqualTo(StageStatus.SUCCESS);
        assertThat(done.totals().tokensInput()).isEqualTo(1200);
        assertThat(w.stageService
                        .complete(w.acmeKey, run.id(), "research", ended(StageStatus.SUCCESS))
                        .stage())
                .isEqualTo(done.stage());
    }

    @Test
    void a_stage_completed_without_a_start_is_recorded() {
        Stage skipped = stage(w.stageService.complete(w.acmeKey, run.id(), "merge", ended(StageStatus.SKIPPED)));
        assertThat(skipped.attempts()).isEqualTo(1);
        assertThat(skipped.status()).isEqualTo(StageStatus.SKIPPED);
    }

    @Test
    void stages_of_a_finished_run_or_another_clients_run_are_refused_and_nothing_is_written() {
        assertThatThrownBy(() -> w.stageService.start(w.betaKey, run.id(), "research"))
                .isInstanceOf(NotFound.class);
        w.runService.complete(w.acmeKey, run.id());
        assertThatThrownBy(() -> w.stageService.start(w.acmeKey, run.id(), "research"))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("completed");
        assertThatThrownBy(() -> w.stageService.complete(w.acmeKey, run.id(), "research", ended(StageStatus.SUCCESS)))
                .isInstanceOf(Conflict.class);
        assertThat(w.stages.ofRun(run)).isEmpty();
    }

    @Test
    void a_stage_name_must_be_a_machine_key() {
        assertThatThrownBy(() -> w.stageService.start(w.acmeKey, run.id(), "Research!"))
                .isInstanceOf(Invalid.class)
                .hasMessageStartingWith("stage");
    }
}
