package io.columnline.adapters.http.prompts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.columnline.adapters.http.shared.Json;
import io.columnline.adapters.http.shared.ListBody;
import io.columnline.adapters.http.shared.Request;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.application.prompts.port.in.ReadPipelinesUseCase;
import io.columnline.application.prompts.port.in.SavePipelineUseCase;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.error.Violations;
import io.columnline.domain.pipeline.Pipeline;
import io.columnline.domain.pipeline.PipelineDefinition;
import io.columnline.domain.pipeline.PipelineKey;
import io.columnline.domain.prompt.PromptLabel;
import io.columnline.domain.prompt.PromptSelector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pipeline definitions, versioned like prompts. The body of a PUT is the definition itself (plus
 * {@code labels}); what is stored and answered back is its canonical JSON without the labels.
 */
final class PipelineRoutes implements Routes {
    private final SavePipelineUseCase save;
    private final ReadPipelinesUseCase read;

    @jakarta.inject.Inject
    PipelineRoutes(SavePipelineUseCase save, ReadPipelinesUseCase read) {
        this.save = save;
        this.read = read;
    }

    record PipelineBody(String description, List<StageBody> stages, List<StepBody> steps, List<String> labels) {}

    record StageBody(Integer number, String name) {}

    record StepBody(
            String key,
            Integer stage,
            String promptKey,
            String promptLabel,
            String model,
            JsonNode modelParams,
            List<InputBody> inputs,
            List<EffectBody> effects) {}

    record InputBody(String name, String source, String pointer, Boolean required, JsonNode value) {}

    record SeedBody(String companyName, String domain) {}

    record EffectBody(
            String section, String pointer, String contacts, Boolean peopleOnly, SeedBody seed, String items) {}

    record PipelineView(String key, int latestVersion, Map<String, Integer> labels, Instant createdAt) {
        static PipelineView from(Pipeline p) {
            Map<String, Integer> labels = new LinkedHashMap<>();
            p.allLabels().forEach((label, version) -> labels.put(label.value(), version));
            return new PipelineView(p.key().value(), p.latestVersion(), labels, p.createdAt());
        }
    }

    record PipelineVersionView(String key, int version, List<String> labels, JsonNode definition, Instant createdAt) {
        static PipelineVersionView from(ReadPipelinesUseCase.Selected s) {
            return of(s.version(), s.labels());
        }

        static PipelineVersionView of(io.columnline.domain.pipeline.PipelineVersion v, List<PromptLabel> labels) {
            return new PipelineVersionView(
                    v.key().value(),
                    v.version(),
                    labels.stream().map(PromptLabel::value).toList(),
                    Json.node(v.definition()),
                    v.createdAt());
        }
    }

    @Override
    public void register(Router router) {
        router.get(
                "/api/v1/pipelines",
                r -> Response.ok(ListBody.of(read.list(r.caller(), r.page()), PipelineView::from)));
        router.put("/api/v1/pipelines/{key}", this::put);
        router.get(
                "/api/v1/pipelines/{key}",
                r -> Response.ok(PipelineVersionView.from(read.get(
                        r.caller(), key(r), PromptSelector.of(r.query("label").orElse(null), queryVersion(r))))));
        router.get(
                "/api/v1/pipelines/{key}/versions",
                r -> Response.ok(ListBody.of(read.versions(r.caller(), key(r), r.page()), PipelineVersionView::from)));
    }

    private Response put(Request r) {
        JsonNode tree = r.json();
        PipelineBody body = Json.bind(tree, PipelineBody.class);
        var problems = new Violations();
        PipelineDefinition.Draft definition = draft(body, problems);
        problems.throwIfAny();
        ObjectNode document = ((ObjectNode) tree).deepCopy();
        document.remove("labels");
        var saved = save.save(
                r.caller(),
                new SavePipelineUseCase.Draft(r.path("key"), definition, Json.document(document), body.labels()));
        var view = PipelineVersionView.of(
                saved.version(), saved.pipeline().labelsOf(saved.version().version()));
        return Response.of(saved.newVersion() ? 201 : 200, view);
    }

    /** Only what JSON shapes decide is checked here; every rule of a definition is the domain's. */
    private static PipelineDefinition.Draft draft(PipelineBody body, Violations problems) {
        List<PipelineDefinition.StageDraft> stages = body.stages() == null
                ? null
                : body.stages().stream()
                        .map(s -> s == null ? null : new PipelineDefinition.StageDraft(s.number(), s.name()))
                        .toList();
        if (body.steps() == null) {
            return new PipelineDefinition.Draft(stages, null);
        }
        List<PipelineDefinition.StepDraft> steps = new ArrayList<>();
        for (int i = 0; i < body.steps().size(); i++) {
            StepBody s = body.steps().get(i);
            if (s == null) {
                steps.add(null);
                continue;
            }
            String at = "steps[" + i + "]";
            if (s.modelParams() != null
                    && !s.modelParams().isNull()
                    && !s.modelParams().isObject()) {
                problems.add(at + ".model_params", "must be a JSON object such as {\"temperature\": 0.2}");
            }
            List<PipelineDefinition.InputDraft> inputs = s.inputs() == null
                    ? null
                    : s.inputs().stream()
                            .map(in -> in == null
                                    ? null
                                    : new PipelineDefinition.InputDraft(
                                            in.name(),
                                            in.source(),
                                            in.pointer(),
                                            in.required(),
                                            in.value() == null || in.value().isMissingNode()
                                                    ? null
                                                    : Json.document(in.value())))
                            .toList();
            List<PipelineDefinition.EffectDraft> effects = s.effects() == null
                    ? null
                    : s.effects().stream()
                            .map(e -> e == null
                                    ? null
                                    : new PipelineDefinition.EffectDraft(
                                            e.section(),
                                            e.pointer(),
                                            e.contacts(),
                                            e.peopleOnly(),
                                            e.seed() == null ? null : e.seed().companyName(),
                                            e.seed() == null ? null : e.seed().domain(),
                                            e.seed() != null,
                                            e.items()))
                            .toList();
            steps.add(new PipelineDefinition.StepDraft(
                    s.key(), s.stage(), s.promptKey(), s.promptLabel(), s.model(), inputs, effects));
        }
        return new PipelineDefinition.Draft(stages, steps);
    }

    /** A key that cannot be saved names no pipeline: 404, like any unknown one. */
    private static PipelineKey key(Request r) {
        String value = r.path("key");
        try {
            return new PipelineKey(value);
        } catch (Invalid e) {
            throw new NotFound("pipeline", value);
        }
    }

    private static Integer queryVersion(Request r) {
        return r.query("version")
                .map(value -> {
                    try {
                        return Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new Invalid("version", "must be a whole number of 1 or more, got '" + value + "'");
                    }
                })
                .orElse(null);
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/pipelines.json");
    }
}
