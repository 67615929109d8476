package io.columnline.adapters.http.prompts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.columnline.adapters.http.shared.Json;
import io.columnline.adapters.http.shared.ListBody;
import io.columnline.adapters.http.shared.MalformedBody;
import io.columnline.adapters.http.shared.Request;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.application.prompts.port.in.ReadPipelinesUseCase;
import io.columnline.application.prompts.port.in.SavePipelineUseCase;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.pipeline.Pipeline;
import io.columnline.domain.pipeline.PipelineJson;
import io.columnline.domain.pipeline.PipelineKey;
import io.columnline.domain.prompt.PromptLabel;
import io.columnline.domain.prompt.PromptSelector;
import java.time.Instant;
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

    /** Only the labels are read here; the definition itself is read by {@link PipelineJson}, as everywhere. */
    record LabelsBody(List<String> labels) {}

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
        if (!tree.isObject()) {
            throw new MalformedBody("the body must be a JSON object: the pipeline definition");
        }
        ObjectNode document = ((ObjectNode) tree).deepCopy();
        JsonNode labels = document.remove("labels");
        ObjectNode labelsOnly = Json.object();
        if (labels != null) {
            labelsOnly.set("labels", labels);
        }
        LabelsBody body = Json.bind(labelsOnly, LabelsBody.class);
        JsonDocument stored = Json.document(document);
        var saved = save.save(
                r.caller(),
                new SavePipelineUseCase.Draft(r.path("key"), PipelineJson.draft(stored), stored, body.labels()));
        var view = PipelineVersionView.of(
                saved.version(), saved.pipeline().labelsOf(saved.version().version()));
        return Response.of(saved.newVersion() ? 201 : 200, view);
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
