package io.columnline.adapters.http.tenancy;

import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.adapters.http.shared.ShownOnce;
import io.columnline.application.tenancy.port.in.ApiKeysUseCase;
import io.columnline.application.tenancy.port.in.ReadClientsUseCase;
import io.columnline.domain.access.ApiKeyId;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientSlug;
import jakarta.inject.Inject;
import java.util.Optional;

final class ApiKeyRoutes implements Routes {
    private final ApiKeysUseCase keys;
    private final ReadClientsUseCase clients;

    @Inject
    ApiKeyRoutes(ApiKeysUseCase keys, ReadClientsUseCase clients) {
        this.keys = keys;
        this.clients = clients;
    }

    /** The calling key, as a Make.com connection check reads it. */
    record MeView(String keyId, String kind, String client, String clientId) {}

    record IssueBody(String client) {}

    record IssuedView(String id, String key, String client) implements ShownOnce {
        @Override
        public Object replay() {
            return new ReplayedView(id, client, true);
        }
    }

    /** An {@code Idempotency-Key} replay of an issue: the key exists, its secret was answered once. */
    record ReplayedView(String id, String client, boolean secretShownOnce) {}

    @Override
    public void register(Router router) {
        router.post("/api/v1/api-keys", r -> {
            IssueBody body = r.bodyOrEmpty(IssueBody.class);
            var issued =
                    keys.issue(r.caller(), Optional.ofNullable(body.client()).map(ClientSlug::new));
            return Response.created(new IssuedView(
                    issued.id().toString(),
                    issued.secret(),
                    issued.client().map(ClientSlug::value).orElse(null)));
        });
        router.get("/api/v1/me", r -> {
            Optional<Client> own = clients.own(r.caller());
            return Response.ok(new MeView(
                    r.caller().keyId().toString(),
                    r.caller() instanceof Caller.Admin ? "admin" : "client",
                    own.map(c -> c.slug().value()).orElse(null),
                    own.map(c -> c.id().toString()).orElse(null)));
        });
        router.delete("/api/v1/api-keys/{id}", r -> {
            keys.revoke(r.caller(), new ApiKeyId(r.pathId("id", "api key")));
            return Response.noContent();
        });
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/api-keys.json");
    }
}
