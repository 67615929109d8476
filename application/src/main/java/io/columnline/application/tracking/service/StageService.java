package io.columnline.application.tracking.service;

import io.columnline.application.prompts.port.in.PipelineDefinitions;
import io.columnline.application.shared.Transactions;
import io.columnline.application.tracking.port.in.RunAccess;
import io.columnline.application.tracking.port.in.RunDetails.StageDetails;
import io.columnline.application.tracking.port.in.StageUseCase;
import io.columnline.application.tracking.port.out.Stages;
import io.columnline.domain.Key;
import io.columnline.domain.access.Caller;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.pipeline.PipelineDefinition;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.RunPipeline;
import io.columnline.domain.run.Stage;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

public final class StageService implements StageUseCase {
    private final Stages stages;
    private final RunAccess access;
    private final RunDetailsReader reader;
    private final PipelineDefinitions pipelines;
    private final Transactions transactions;
    private final Clock clock;

    @Inject
    public StageService(
            Stages stages,
            RunAccess access,
            RunDetailsReader reader,
            PipelineDefinitions pipelines,
            Transactions transactions,
            Clock clock) {
        this.pipelines = pipelines;
        this.stages = stages;
        this.access = access;
        this.reader = reader;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public String stageNamed(Caller caller, RunId runId, int number) {
        Run run = access.visible(caller, runId);
        RunPipeline pipeline = run.pipeline()
                .orElseThrow(() -> new Invalid(
                        "stage_number",
                        "run " + runId + " follows no pipeline definition, so its stages have no numbers; name the"
                                + " stage instead"));
        PipelineDefinition definition = pipelines.definition(pipeline);
        if (definition.stages().isEmpty()) {
            throw new Invalid(
                    "stage_number",
                    "pipeline " + pipeline.key() + " v" + pipeline.version()
                            + " defines no stages; name the stage instead");
        }
        return definition
                .stageName(number)
                .orElseThrow(() -> new NotFound("stage number of pipeline " + pipeline.key(), number));
    }

    @Override
    public StageDetails start(Caller caller, RunId runId, String name) {
        Key.check("stage", name);
        return transactions.inTransaction(() -> {
            Run run = access.lockedShared(caller, runId);
            run.requireRunning("starting a stage");
            Instant now = clock.instant();
            Optional<Stage> before = stages.lock(run, name);
            Stage after = before.map(stage -> stage.startAgain(now)).orElseGet(() -> Stage.start(run, name, now));
            return saved(run, before, after);
        });
    }

    @Override
    public StageDetails complete(Caller caller, RunId runId, String name, Stage.Outcome outcome) {
        Key.check("stage", name);
        return transactions.inTransaction(() -> {
            Run run = access.lockedShared(caller, runId);
            run.requireRunning("completing a stage");
            Instant now = clock.instant();
            Optional<Stage> before = stages.lock(run, name);
            Stage after = before.map(stage -> stage.complete(outcome, now))
                    .orElseGet(() -> Stage.completedWithoutStart(run, name, outcome, now));
            return saved(run, before, after);
        });
    }

    private StageDetails saved(Run run, Optional<Stage> before, Stage after) {
        if (!before.equals(Optional.of(after))) {
            stages.save(after);
        }
        return reader.stage(run, after);
    }
}
