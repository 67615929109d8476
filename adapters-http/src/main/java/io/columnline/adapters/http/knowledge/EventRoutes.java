package io.columnline.adapters.http.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.adapters.http.shared.Json;
import io.columnline.adapters.http.shared.ListBody;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.application.knowledge.port.in.EventsUseCase;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.event.SystemEvent;
import io.columnline.domain.json.JsonDocument;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The events log: pipelines add theirs; admins read the system's too, client keys their own. */
final class EventRoutes implements Routes {
    private final EventsUseCase events;

    @Inject
    EventRoutes(EventsUseCase events) {
        this.events = events;
    }

    record EventBody(String client, String kind, JsonNode detail) {}

    record EventView(long id, UUID clientId, String kind, String instance, Instant at, JsonNode detail) {
        static EventView from(SystemEvent e) {
            return new EventView(
                    e.id(),
                    e.client().map(ClientId::value).orElse(null),
                    e.kind(),
                    e.instance(),
                    e.at(),
                    Json.node(e.detail()));
        }
    }

    @Override
    public void register(Router router) {
        router.post("/api/v1/events", r -> {
            EventBody body = r.body(EventBody.class);
            if (body.kind() == null) {
                throw new Invalid("kind", "is required");
            }
            JsonDocument detail = JsonDocument.EMPTY_OBJECT;
            if (body.detail() != null && !body.detail().isNull()) {
                if (!body.detail().isObject()) {
                    throw new Invalid("detail", "must be a JSON object");
                }
                detail = Json.document(body.detail());
            }
            return Response.created(EventView.from(events.post(
                    r.caller(), Optional.ofNullable(body.client()).map(ClientSlug::new), body.kind(), detail)));
        });
        router.get(
                "/api/v1/events",
                r -> Response.ok(ListBody.of(
                        events.list(
                                r.caller(),
                                new EventsUseCase.Query(r.query("client"), r.query("kind"), r.queryInstant("since")),
                                r.page()),
                        EventView::from)));
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/events.json");
    }
}
