package io.columnline.adapters.http.prospects;

import io.columnline.adapters.http.shared.ListBody;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.application.prospects.port.in.AiInteractionsUseCase;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.prospect.AiInteraction;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

final class AiInteractionRoutes implements Routes {
    private final AiInteractionsUseCase interactions;

    @Inject
    AiInteractionRoutes(AiInteractionsUseCase interactions) {
        this.interactions = interactions;
    }

    record InteractionBody(
            String client,
            String sessionKey,
            String conversationId,
            String prompt,
            String response,
            String modelUsed,
            BigDecimal confidenceScore) {}

    record InteractionView(
            String id,
            String clientId,
            String sessionKey,
            String conversationId,
            String prompt,
            String response,
            String modelUsed,
            BigDecimal confidenceScore,
            Instant createdAt) {
        static InteractionView from(AiInteraction i) {
            return new InteractionView(
                    i.id().toString(),
                    i.client().toString(),
                    i.sessionKey().orElse(null),
                    i.conversationId().orElse(null),
                    i.prompt(),
                    i.response().orElse(null),
                    i.modelUsed().orElse(null),
                    i.confidenceScore().orElse(null),
                    i.createdAt());
        }
    }

    @Override
    public void register(Router router) {
        router.post("/api/v1/ai-interactions", r -> {
            InteractionBody body = r.body(InteractionBody.class);
            return Response.created(InteractionView.from(interactions.log(new AiInteractionsUseCase.Command(
                    r.caller(),
                    Optional.ofNullable(body.client()).map(ClientSlug::new),
                    body.sessionKey(),
                    body.conversationId(),
                    body.prompt(),
                    body.response(),
                    body.modelUsed(),
                    body.confidenceScore()))));
        });
        router.get(
                "/api/v1/ai-interactions",
                r -> Response.ok(ListBody.of(
                        interactions.list(
                                r.caller(),
                                ProspectRoutes.client(r),
                                r.query("session_key"),
                                r.query("conversation_id"),
                                r.page()),
                        InteractionView::from)));
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/ai-interactions.json");
    }
}
