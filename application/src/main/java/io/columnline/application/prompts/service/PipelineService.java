package io.columnline.application.prompts.service;

import io.columnline.application.prompts.port.in.PipelineDefinitions;
import io.columnline.application.prompts.port.in.ReadPipelinesUseCase;
import io.columnline.application.prompts.port.in.SavePipelineUseCase;
import io.columnline.application.prompts.port.out.Pipelines;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.shared.Transactions;
import io.columnline.domain.access.Caller;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.error.Violations;
import io.columnline.domain.pipeline.Pipeline;
import io.columnline.domain.pipeline.PipelineDefinition;
import io.columnline.domain.pipeline.PipelineJson;
import io.columnline.domain.pipeline.PipelineKey;
import io.columnline.domain.pipeline.PipelineVersion;
import io.columnline.domain.prompt.PromptLabel;
import io.columnline.domain.prompt.PromptSelector;
import io.columnline.domain.run.RunPipeline;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pipeline definitions are installation-wide, versioned as prompts are: any key reads them, only
 * admin keys write them, and a definition that is refused writes nothing.
 */
@Singleton
public final class PipelineService implements SavePipelineUseCase, ReadPipelinesUseCase, PipelineDefinitions {
    private final Pipelines pipelines;
    private final Transactions transactions;
    private final Clock clock;

    /** Versions never change, so their parsed definitions are kept; few pipelines, few versions each. */
    private final Map<RunPipeline, PipelineDefinition> parsed = new ConcurrentHashMap<>();

    private static final int MAX_PARSED = 1000;

    @Inject
    public PipelineService(Pipelines pipelines, Transactions transactions, Clock clock) {
        this.pipelines = pipelines;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Saved save(Caller caller, Draft draft) {
        caller.requireAdmin();
        var problems = new Violations();
        PipelineKey key = null;
        try {
            key = new PipelineKey(draft.key());
        } catch (Invalid e) {
            problems.addAll(e.violations());
        }
        if (draft.definition() == null || draft.document() == null) {
            problems.add("definition", "is required");
        } else {
            try {
                PipelineDefinition.check(draft.definition());
            } catch (Invalid e) {
                problems.addAll(e.violations());
            }
        }
        Set<PromptLabel> labels = PromptLabel.movable(draft.labels(), problems);
        problems.throwIfAny();
        PipelineKey checked = key;
        return transactions.inTransaction(() -> apply(checked, draft, labels));
    }

    private Saved apply(PipelineKey key, Draft draft, Set<PromptLabel> requested) {
        Instant now = clock.instant();
        Optional<Pipeline> existing = pipelines.byKey(key);
        Optional<PipelineVersion> newest = existing.flatMap(p -> pipelines.version(key, p.latestVersion()));
        boolean newVersion = newest.isEmpty() || !newest.get().definition().equals(draft.document());
        PipelineVersion version;
        if (newVersion) {
            int number = existing.map(p -> p.latestVersion() + 1).orElse(1);
            version = new PipelineVersion(key, number, draft.document(), now);
            pipelines.addVersion(version);
        } else {
            version = newest.get();
        }
        List<PromptLabel> moved = PromptLabel.toMove(
                requested,
                newVersion && version.version() == 1,
                version.version(),
                existing.map(Pipeline::labels).orElse(Map.of()));
        moved.forEach(label -> pipelines.setLabel(key, label, version.version()));
        return new Saved(pipelines.byKey(key).orElseThrow(), version, newVersion, moved);
    }

    @Override
    public Selected get(Caller caller, PipelineKey key, PromptSelector selector) {
        Pipeline pipeline = registered(key);
        int number = pipeline.resolve(selector);
        PipelineVersion version = pipelines
                .version(key, number)
                .orElseThrow(() -> new IllegalStateException("pipeline " + key + " lost version " + number));
        return new Selected(pipeline, version);
    }

    @Override
    public Page<Pipeline> list(Caller caller, PageRequest page) {
        return pipelines.list(page);
    }

    @Override
    public Page<Selected> versions(Caller caller, PipelineKey key, PageRequest page) {
        Pipeline pipeline = registered(key);
        return pipelines.versions(key, page).map(v -> new Selected(pipeline, v));
    }

    @Override
    public RunPipeline choose(String field, String key, Optional<Integer> version) {
        PipelineKey pipelineKey;
        try {
            pipelineKey = new PipelineKey(key);
        } catch (Invalid e) {
            throw new Invalid(field, "'" + key + "' is not a pipeline key");
        }
        Pipeline pipeline = pipelines
                .byKey(pipelineKey)
                .orElseThrow(() -> new Invalid(
                        field, "names pipeline '" + key + "', which is not saved; PUT /api/v1/pipelines/" + key));
        if (version.isPresent()) {
            if (version.get() < 1 || version.get() > pipeline.latestVersion()) {
                throw new Invalid(
                        field + ".version",
                        "pipeline '" + key + "' has versions 1 to " + pipeline.latestVersion() + ", not "
                                + version.get());
            }
            return new RunPipeline(pipelineKey, version.get());
        }
        Integer production = pipeline.labels().get(PromptLabel.PRODUCTION);
        return new RunPipeline(pipelineKey, production == null ? pipeline.latestVersion() : production);
    }

    @Override
    public PipelineDefinition definition(RunPipeline pipeline) {
        PipelineDefinition known = parsed.get(pipeline);
        if (known != null) {
            return known;
        }
        PipelineVersion version = pipelines
                .version(pipeline.key(), pipeline.version())
                .orElseThrow(() -> new NotFound("version of pipeline " + pipeline.key(), pipeline.version()));
        PipelineDefinition definition = PipelineJson.definition(version.definition());
        if (parsed.size() < MAX_PARSED) {
            parsed.put(pipeline, definition);
        }
        return definition;
    }

    private Pipeline registered(PipelineKey key) {
        return pipelines.byKey(key).orElseThrow(() -> new NotFound("pipeline", key));
    }
}
