package io.columnline.adapters.http.prompts;

import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.adapters.http.shared.Json;
import io.columnline.adapters.http.shared.ListBody;
import io.columnline.adapters.http.shared.Request;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.application.prompts.port.in.ReadPromptsUseCase;
import io.columnline.application.prompts.port.in.ReadPromptsUseCase.VersionEntry;
import io.columnline.application.prompts.port.in.SavePromptUseCase;
import io.columnline.application.prompts.port.out.PromptUsage.Usage;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.prompt.Prompt;
import io.columnline.domain.prompt.PromptKey;
import io.columnline.domain.prompt.PromptLabel;
import io.columnline.domain.prompt.PromptSelector;
import io.columnline.domain.prompt.PromptVersion;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class PromptRoutes implements Routes {
    private final SavePromptUseCase save;
    private final ReadPromptsUseCase read;

    @Inject
    PromptRoutes(SavePromptUseCase save, ReadPromptsUseCase read) {
        this.save = save;
        this.read = read;
    }

    record PromptBody(String template, String model, JsonNode modelParams, List<String> labels) {}

    record LabelBody(String label, Integer version) {}

    record RenderBody(JsonNode variables, String label, Integer version) {}

    record PromptVersionView(
            String key,
            int version,
            List<String> labels,
            String template,
            List<String> variables,
            String model,
            JsonNode modelParams,
            Instant createdAt) {
        static PromptVersionView from(PromptVersion v, List<PromptLabel> labels) {
            return new PromptVersionView(
                    v.key().value(),
                    v.version(),
                    names(labels),
                    v.content().template().text(),
                    List.copyOf(v.content().template().variables()),
                    v.content().model().orElse(null),
                    Json.node(v.content().modelParams()),
                    v.createdAt());
        }
    }

    record PromptView(String key, int latestVersion, Map<String, Integer> labels, Instant createdAt) {
        static PromptView from(Prompt p) {
            Map<String, Integer> labels = new LinkedHashMap<>();
            p.allLabels().forEach((label, version) -> labels.put(label.value(), version));
            return new PromptView(p.key().value(), p.latestVersion(), labels, p.createdAt());
        }
    }

    record UsageView(long steps, BigDecimal totalCostUsd) {
        static UsageView from(Usage u) {
            return new UsageView(u.steps(), u.totalCostUsd());
        }
    }

    record VersionEntryView(
            int version,
            List<String> labels,
            String template,
            List<String> variables,
            String model,
            JsonNode modelParams,
            Instant createdAt,
            UsageView usage) {
        static VersionEntryView from(VersionEntry e) {
            PromptVersion v = e.version();
            return new VersionEntryView(
                    v.version(),
                    names(e.labels()),
                    v.content().template().text(),
                    List.copyOf(v.content().template().variables()),
                    v.content().model().orElse(null),
                    Json.node(v.content().modelParams()),
                    v.createdAt(),
                    UsageView.from(e.usage()));
        }
    }

    record RenderedView(String key, int version, String model, JsonNode modelParams, String text) {}

    @Override
    public void register(Router router) {
        router.get("/api/v1/prompts", r -> Response.ok(ListBody.of(read.list(r.caller(), r.page()), PromptView::from)));
        router.put("/api/v1/prompts/{key}", this::put);
        router.get("/api/v1/prompts/{key}", r -> {
            var selected = read.get(
                    r.caller(), key(r), PromptSelector.of(r.query("label").orElse(null), queryVersion(r)));
            return Response.ok(PromptVersionView.from(selected.version(), selected.labels()));
        });
        router.get(
                "/api/v1/prompts/{key}/versions",
                r -> Response.ok(ListBody.of(read.versions(r.caller(), key(r), r.page()), VersionEntryView::from)));
        router.post("/api/v1/prompts/{key}/labels", r -> {
            LabelBody body = r.body(LabelBody.class);
            return Response.ok(PromptView.from(save.moveLabel(r.caller(), key(r), body.label(), body.version())));
        });
        router.post("/api/v1/prompts/{key}/render", this::render);
    }

    private Response put(Request r) {
        PromptBody body = r.body(PromptBody.class);
        if (body.modelParams() != null
                && !body.modelParams().isNull()
                && !body.modelParams().isObject()) {
            throw new Invalid("model_params", "must be a JSON object such as {\"temperature\": 0.2}");
        }
        var saved = save.save(
                r.caller(),
                new SavePromptUseCase.Draft(
                        r.path("key"),
                        body.template(),
                        body.model(),
                        body.modelParams() == null || body.modelParams().isNull()
                                ? null
                                : Json.document(body.modelParams()),
                        body.labels()));
        var view = PromptVersionView.from(
                saved.version(), saved.prompt().labelsOf(saved.version().version()));
        return Response.of(saved.newVersion() ? 201 : 200, view);
    }

    private Response render(Request r) {
        RenderBody body = r.bodyOrEmpty(RenderBody.class);
        var rendered = read.render(
                r.caller(), key(r), PromptSelector.of(body.label(), body.version()), variables(body.variables()));
        PromptVersion v = rendered.version();
        return Response.ok(new RenderedView(
                v.key().value(),
                v.version(),
                v.content().model().orElse(null),
                Json.node(v.content().modelParams()),
                rendered.text()));
    }

    /** Strings are used as they are, other JSON values as their JSON text; null counts as no value. */
    private static Map<String, String> variables(JsonNode variables) {
        if (variables == null || variables.isNull()) {
            return Map.of();
        }
        if (!variables.isObject()) {
            throw new Invalid("variables", "must be a JSON object of variable names and values");
        }
        Map<String, String> values = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
            var entry = it.next();
            JsonNode value = entry.getValue();
            if (!value.isNull()) {
                values.put(entry.getKey(), value.isValueNode() ? value.asText() : value.toString());
            }
        }
        return values;
    }

    /** A key that cannot be registered names no prompt: 404, like any unknown one. */
    private static PromptKey key(Request r) {
        String value = r.path("key");
        try {
            return new PromptKey(value);
        } catch (Invalid e) {
            throw new NotFound("prompt", value);
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

    private static List<String> names(List<PromptLabel> labels) {
        return labels.stream().map(PromptLabel::value).toList();
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/prompts.json");
    }
}
