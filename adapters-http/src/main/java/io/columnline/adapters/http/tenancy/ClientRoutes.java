package io.columnline.adapters.http.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.adapters.http.shared.Json;
import io.columnline.adapters.http.shared.ListBody;
import io.columnline.adapters.http.shared.Request;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.adapters.http.shared.SharedViews;
import io.columnline.application.tenancy.port.in.ReadClientsUseCase;
import io.columnline.application.tenancy.port.in.SaveClientUseCase;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.client.ProfileVersion;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.pipeline.PipelineKey;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

final class ClientRoutes implements Routes {
    private final SaveClientUseCase save;
    private final ReadClientsUseCase read;

    @Inject
    ClientRoutes(SaveClientUseCase save, ReadClientsUseCase read) {
        this.save = save;
        this.read = read;
    }

    record ClientBody(
            String name,
            String timezone,
            JsonNode icpConfig,
            JsonNode industryResearch,
            JsonNode researchContext,
            String rerunWebhookUrl,
            String externalId,
            JsonNode configs,
            String defaultPipeline) {}

    record ClientView(
            String id,
            String slug,
            String name,
            String timezone,
            JsonNode icpConfig,
            JsonNode industryResearch,
            JsonNode researchContext,
            int profileVersion,
            String rerunWebhookUrl,
            String externalId,
            JsonNode configs,
            String defaultPipeline,
            Instant createdAt,
            Instant updatedAt) {
        static ClientView from(Client c) {
            return new ClientView(
                    c.id().toString(),
                    c.slug().value(),
                    c.name(),
                    c.timezone().getId(),
                    Json.node(c.profile().icpConfig()),
                    SharedViews.profileText(c.profile().industryResearch()),
                    SharedViews.profileText(c.profile().researchContext()),
                    c.profileVersion(),
                    c.rerunWebhookUrl().map(URI::toString).orElse(null),
                    c.externalId().orElse(null),
                    Json.node(c.configs().document()),
                    c.defaultPipeline().map(PipelineKey::value).orElse(null),
                    c.createdAt(),
                    c.updatedAt());
        }
    }

    record ProfileVersionView(
            int version, JsonNode icpConfig, JsonNode industryResearch, JsonNode researchContext, Instant createdAt) {
        static ProfileVersionView from(ProfileVersion v) {
            return new ProfileVersionView(
                    v.version(),
                    Json.node(v.profile().icpConfig()),
                    SharedViews.profileText(v.profile().industryResearch()),
                    SharedViews.profileText(v.profile().researchContext()),
                    v.createdAt());
        }
    }

    @Override
    public void register(Router router) {
        router.put("/api/v1/clients/{slug}", this::put);
        router.get("/api/v1/clients/{slug}", r -> Response.ok(ClientView.from(read.get(r.caller(), slug(r)))));
        router.get("/api/v1/clients", r -> Response.ok(ListBody.of(read.list(r.caller(), r.page()), ClientView::from)));
        router.get(
                "/api/v1/clients/{slug}/profile/versions",
                r -> Response.ok(ListBody.all(read.profileVersions(r.caller(), slug(r)).stream()
                        .map(ProfileVersionView::from)
                        .toList())));
    }

    private Response put(Request r) {
        ClientBody body = r.body(ClientBody.class);
        if (body.icpConfig() != null && !body.icpConfig().isObject()) {
            throw new Invalid("icp_config", "must be a JSON object");
        }
        if (body.configs() != null && !body.configs().isObject()) {
            throw new Invalid("configs", "must be a JSON object");
        }
        var saved = save.save(new SaveClientUseCase.Command(
                r.caller(),
                slug(r),
                body.name(),
                body.timezone(),
                body.icpConfig() == null ? null : Json.document(body.icpConfig()),
                profileText("industry_research", body.industryResearch()),
                profileText("research_context", body.researchContext()),
                body.rerunWebhookUrl(),
                body.externalId(),
                body.configs() == null ? null : Json.document(body.configs()),
                body.defaultPipeline()));
        return Response.of(saved.created() ? 201 : 200, ClientView.from(saved.client()));
    }

    /** Industry research and research context are text, or a JSON object or array kept as its text. */
    private static String profileText(String field, JsonNode given) {
        if (given == null || given.isNull()) {
            return null;
        }
        if (given.isTextual()) {
            return given.textValue();
        }
        if (given.isObject() || given.isArray()) {
            return Json.document(given).text();
        }
        throw new Invalid(field, "must be text, or a JSON object or array");
    }

    static ClientSlug slug(Request r) {
        return new ClientSlug(r.path("slug"));
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/clients.json");
    }
}
