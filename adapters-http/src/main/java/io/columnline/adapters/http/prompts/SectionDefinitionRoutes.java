package io.columnline.adapters.http.prompts;

import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.adapters.http.shared.Json;
import io.columnline.adapters.http.shared.ListBody;
import io.columnline.adapters.http.shared.Request;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.application.prompts.port.in.ReadSectionDefinitionsUseCase;
import io.columnline.application.prompts.port.in.SaveSectionDefinitionUseCase;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.section.SectionDefinition;
import io.columnline.domain.section.SectionKey;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

final class SectionDefinitionRoutes implements Routes {
    private final SaveSectionDefinitionUseCase save;
    private final ReadSectionDefinitionsUseCase read;

    @Inject
    SectionDefinitionRoutes(SaveSectionDefinitionUseCase save, ReadSectionDefinitionsUseCase read) {
        this.save = save;
        this.read = read;
    }

    record DefinitionBody(String title, Integer position, String writerPromptKey, Boolean required, JsonNode schema) {}

    record DefinitionView(
            String key,
            String title,
            int position,
            String writerPromptKey,
            boolean required,
            JsonNode schema,
            Instant createdAt,
            Instant updatedAt) {
        static DefinitionView from(SectionDefinition d) {
            return new DefinitionView(
                    d.key().value(),
                    d.title(),
                    d.position(),
                    d.writerPromptKey().value(),
                    d.required(),
                    Json.node(d.schema()),
                    d.createdAt(),
                    d.updatedAt());
        }
    }

    @Override
    public void register(Router router) {
        router.get(
                "/api/v1/section-definitions",
                r -> Response.ok(ListBody.of(read.list(r.caller(), r.page()), DefinitionView::from)));
        router.put("/api/v1/section-definitions/{key}", this::put);
        router.get(
                "/api/v1/section-definitions/{key}",
                r -> Response.ok(DefinitionView.from(read.get(r.caller(), key(r)))));
    }

    private Response put(Request r) {
        DefinitionBody body = r.body(DefinitionBody.class);
        if (body.schema() != null && !body.schema().isNull() && !body.schema().isObject()) {
            throw new Invalid("schema", "must be a JSON object: a JSON Schema (draft 2020-12) for the writer's output");
        }
        var saved = save.save(new SaveSectionDefinitionUseCase.Command(
                r.caller(),
                r.path("key"),
                body.title(),
                body.position(),
                body.writerPromptKey(),
                body.required(),
                body.schema() == null || body.schema().isNull() ? null : Json.document(body.schema())));
        return Response.of(saved.created() ? 201 : 200, DefinitionView.from(saved.definition()));
    }

    private static SectionKey key(Request r) {
        String value = r.path("key");
        try {
            return new SectionKey(value);
        } catch (Invalid e) {
            throw new NotFound("section definition", value);
        }
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/section-definitions.json");
    }
}
