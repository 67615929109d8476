package io.columnline.adapters.http.origin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.columnline.adapters.http.shared.Json;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.adapters.http.shared.SharedViews;
import io.columnline.application.prompts.port.in.ReadPromptsUseCase;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tenancy.port.in.ClientAccess;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientConfigs;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.prompt.Prompt;
import io.columnline.domain.prompt.PromptKey;
import io.columnline.domain.prompt.PromptSelector;
import io.columnline.domain.prompt.PromptVersion;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * The origin's health check, client configs and prompt lookup. Health needs a key like every {@code /columnline}
 * route, so a scenario's first call proves its {@code X-API-Key} works.
 */
final class OriginCatalogRoutes implements Routes {
    private final ReadPromptsUseCase prompts;
    private final ClientAccess clients;
    private final Clock clock;

    @Inject
    OriginCatalogRoutes(ReadPromptsUseCase prompts, ClientAccess clients, Clock clock) {
        this.prompts = prompts;
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    public void register(Router router) {
        router.get("/columnline/health", r -> {
            r.caller();
            ObjectNode answer = Json.object();
            answer.put("status", "healthy");
            answer.put("service", "columnline");
            answer.put("timestamp", clock.instant().toString());
            return Response.ok(answer);
        });
        router.get("/columnline/configs/{client_id}", r -> {
            Client client =
                    clients.named(r.caller(), Optional.of(r.path("client_id"))).orElseThrow();
            ObjectNode answer = Json.object();
            ObjectNode row = answer.putObject("client");
            row.put("client_id", client.externalId().orElse(client.slug().value()));
            row.put("client_name", client.name());
            row.put("status", "active");
            row.set("icp_config", Json.node(client.profile().icpConfig()));
            row.set(
                    "industry_research",
                    SharedViews.profileText(client.profile().industryResearch()));
            row.set("research_context", SharedViews.profileText(client.profile().researchContext()));
            for (String name : ClientConfigs.NAMES) {
                row.set(name, client.configs().get(name).map(Json::node).orElse(null));
            }
            ArrayNode list = answer.putArray("prompts");
            Optional<Cursor> cursor = Optional.empty();
            do {
                Page<Prompt> page = prompts.list(r.caller(), new PageRequest(PageRequest.MAX_LIMIT, cursor));
                for (Prompt prompt : page.items()) {
                    try {
                        PromptVersion version = prompts.get(r.caller(), prompt.key(), PromptSelector.of(null, null))
                                .version();
                        list.add(prompt(version.key().value(), version));
                    } catch (NotFound e) {
                        // a prompt none of whose versions is in production is not served to scenarios
                    }
                }
                cursor = page.next();
            } while (cursor.isPresent());
            return Response.ok(answer);
        });
        router.get("/columnline/prompts/{slug}", r -> {
            String slug = r.path("slug");
            PromptKey key;
            try {
                key = new PromptKey(slug.strip().toLowerCase(Locale.ROOT));
            } catch (Invalid e) {
                throw new NotFound("prompt", slug);
            }
            PromptVersion version =
                    prompts.get(r.caller(), key, PromptSelector.of(null, null)).version();
            return Response.ok(prompt(slug, version));
        });
    }

    /** A prompt as the origin answers it; Columnline's id of a prompt version is {@code key@version}. */
    static ObjectNode prompt(String slug, PromptVersion version) {
        ObjectNode answer = Json.object();
        answer.put("prompt_id", version.key().value() + "@" + version.version());
        answer.put("prompt_slug", slug);
        answer.putNull("stage");
        answer.putNull("step");
        answer.put("prompt_template", version.content().template().text());
        answer.put("model_used", version.content().model().orElse(null));
        answer.put("version", version.version());
        return answer;
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.empty();
    }
}
