package io.columnline.application.tracking.service;

import io.columnline.application.prompts.port.in.PipelineDefinitions;
import io.columnline.application.tracking.port.in.RunAccess;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.application.tracking.port.out.StepLog;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.error.Conflict;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.json.JsonValue;
import io.columnline.domain.pipeline.PipelineDefinition;
import io.columnline.domain.pipeline.PipelineDefinition.Effect;
import io.columnline.domain.run.ProviderResponse;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.Step;
import io.columnline.domain.run.StepEntry;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Runs as the caller may see them, read from storage on every call. */
public final class RunAccessService implements RunAccess {
    private final Runs runs;
    private final StepLog steps;
    private final Optional<PipelineDefinitions> pipelines;

    @Inject
    public RunAccessService(Runs runs, StepLog steps, PipelineDefinitions pipelines) {
        this.runs = runs;
        this.steps = steps;
        this.pipelines = Optional.of(pipelines);
    }

    /** For runs that follow no pipeline definition. */
    public RunAccessService(Runs runs, StepLog steps) {
        this.runs = runs;
        this.steps = steps;
        this.pipelines = Optional.empty();
    }

    @Override
    public Run visible(Caller caller, RunId id) {
        return visibleOrMissing(caller, id, runs.byId(id));
    }

    @Override
    public RunId resolve(Caller caller, String idOrExternalId) {
        if (idOrExternalId == null || idOrExternalId.isBlank()) {
            throw new NotFound("run", idOrExternalId);
        }
        if (RunId.parses(idOrExternalId)) {
            return new RunId(java.util.UUID.fromString(idOrExternalId));
        }
        Optional<ClientId> own = caller.ownClient();
        if (own.isPresent()) {
            return runs.byExternalId(own.get(), idOrExternalId)
                    .map(Run::id)
                    .orElseThrow(() -> new NotFound("run", idOrExternalId));
        }
        List<Run> found = runs.byExternalIdOfAnyClient(idOrExternalId);
        if (found.size() > 1) {
            throw new Conflict("external id '" + idOrExternalId
                    + "' names runs of more than one client; use the run's id (a UUID) with an admin key");
        }
        return found.stream().findFirst().map(Run::id).orElseThrow(() -> new NotFound("run", idOrExternalId));
    }

    @Override
    public Run locked(Caller caller, RunId id) {
        return visibleOrMissing(caller, id, runs.lock(id));
    }

    @Override
    public Run lockedShared(Caller caller, RunId id) {
        return visibleOrMissing(caller, id, runs.lockShared(id));
    }

    /**
     * Steps logged with a {@code section} write it; on a run that follows a pipeline, so do the
     * {@code section} effects of its definition's steps: the clean content of the step's latest
     * success (over its instances), or the value at the effect's pointer. Effects win over logged
     * sections, later steps of the definition over earlier ones.
     */
    @Override
    public Map<String, Step> latestSucceededBySection(Run run) {
        Map<String, Step> sections = new TreeMap<>(steps.latestSucceededBySection(run));
        if (run.pipeline().isEmpty() || pipelines.isEmpty()) {
            return sections;
        }
        PipelineDefinition definition =
                pipelines.get().definition(run.pipeline().get());
        List<PipelineDefinition.Step> writers = definition.steps().stream()
                .filter(s -> s.effects().stream().anyMatch(e -> e instanceof Effect.Section))
                .toList();
        if (writers.isEmpty()) {
            return sections;
        }
        Map<String, Step> latest = new HashMap<>();
        steps.latestSucceeded(
                        run, writers.stream().map(PipelineDefinition.Step::key).toList())
                .forEach(s -> latest.merge(
                        s.entry().stepKey(), s, (a, b) -> b.loggedAt().isAfter(a.loggedAt()) ? b : a));
        for (PipelineDefinition.Step writer : writers) {
            Step step = latest.get(writer.key());
            if (step == null || step.entry().output().isEmpty()) {
                continue;
            }
            JsonValue clean =
                    ProviderResponse.clean(JsonValue.of(step.entry().output().get()));
            for (Effect effect : writer.effects()) {
                if (effect instanceof Effect.Section section) {
                    clean.at(section.pointer().orElse(""))
                            .ifPresent(value -> sections.put(
                                    section.section().value(),
                                    writing(step, section.section().value(), value)));
                }
            }
        }
        return sections;
    }

    /** The step as the writer of one section: its output is the section's content. */
    private static Step writing(Step step, String section, JsonValue value) {
        StepEntry e = step.entry();
        var entry = new StepEntry(
                e.stepKey(),
                e.attempt(),
                e.stage(),
                Optional.of(section),
                e.promptKey(),
                e.promptVersion(),
                e.model(),
                e.input(),
                Optional.of(value.document()),
                e.tokensInput(),
                e.tokensOutput(),
                e.costUsd(),
                e.latencyMs(),
                e.status(),
                e.error(),
                e.instance());
        return new Step(
                step.run(), step.client(), entry, step.costUsd(), step.costSource(), step.loggedAt(), step.warning());
    }

    private static Run visibleOrMissing(Caller caller, RunId id, Optional<Run> run) {
        return run.filter(r -> caller.canSee(r.client())).orElseThrow(() -> new NotFound("run", id));
    }
}
