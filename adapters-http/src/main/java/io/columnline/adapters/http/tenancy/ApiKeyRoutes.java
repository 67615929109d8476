package io.columnline.adapters.http.tenancy;

import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.application.tenancy.port.in.ApiKeysUseCase;
import io.columnline.domain.access.ApiKeyId;
import io.columnline.domain.client.ClientSlug;
import jakarta.inject.Inject;
import java.util.Optional;

final class ApiKeyRoutes implements Routes {
    private final ApiKeysUseCase keys;

    @Inject
    ApiKeyRoutes(ApiKeysUseCase keys) {
        this.keys = keys;
    }

    record IssueBody(String client) {}

    record IssuedView(String id, String key, String client) {}

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
