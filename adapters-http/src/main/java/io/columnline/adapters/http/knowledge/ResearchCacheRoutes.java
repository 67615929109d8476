package io.columnline.adapters.http.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.columnline.adapters.http.shared.Json;
import io.columnline.adapters.http.shared.PlainDecimal;
import io.columnline.adapters.http.shared.Request;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.application.knowledge.port.in.ResearchCacheUseCase;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.knowledge.CacheEntry;
import io.columnline.domain.run.RunId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The research cache: look up before researching, store what was found, see what it saved. */
final class ResearchCacheRoutes implements Routes {
    private final ResearchCacheUseCase cache;

    @jakarta.inject.Inject
    ResearchCacheRoutes(ResearchCacheUseCase cache) {
        this.cache = cache;
    }

    record LookupBody(String client, String topic, Integer maxAgeDays, String runId, Double similarity) {}

    record StoreBody(
            String client, String topic, String content, String runId, BigDecimal costUsd, JsonNode metadata) {}

    record InvalidateBody(String client, String topic) {}

    record EntryView(
            UUID id,
            UUID clientId,
            String topic,
            String topicKey,
            String content,
            Instant createdAt,
            long ageDays,
            @JsonSerialize(using = PlainDecimal.class) BigDecimal costUsd,
            UUID runId,
            JsonNode metadata,
            Instant invalidatedAt) {
        static EntryView from(CacheEntry e, Instant now) {
            return new EntryView(
                    e.id(),
                    e.client().value(),
                    e.topic(),
                    e.topicKey(),
                    e.content(),
                    e.createdAt(),
                    e.ageDays(now),
                    e.costUsd(),
                    e.run().map(RunId::value).orElse(null),
                    Json.node(e.metadata()),
                    e.invalidatedAt().orElse(null));
        }
    }

    record AnswerView(boolean hit, String match, Double similarity, EntryView entry) {
        static AnswerView from(ResearchCacheUseCase.Answer a) {
            return new AnswerView(
                    a.hit(),
                    a.match().map(m -> m.key()).orElse(null),
                    a.similarity().orElse(null),
                    a.entry().map(e -> EntryView.from(e, a.asOf())).orElse(null));
        }
    }

    record GroupView(
            String day,
            String runId,
            long lookups,
            long hits,
            double hitRate,
            @JsonSerialize(using = PlainDecimal.class) BigDecimal savedUsd) {}

    record StatsView(
            long lookups,
            long hits,
            double hitRate,
            @JsonSerialize(using = PlainDecimal.class) BigDecimal savedUsd,
            String groupBy,
            List<GroupView> groups) {
        static StatsView from(ResearchCacheUseCase.Stats s) {
            boolean byDay = s.groupBy().equals("day");
            return new StatsView(
                    s.lookups(),
                    s.hits(),
                    s.hitRate(),
                    s.savedUsd(),
                    s.groupBy(),
                    s.groups().stream()
                            .map(g -> new GroupView(
                                    byDay ? g.key().orElse(null) : null,
                                    byDay ? null : g.key().orElse(null),
                                    g.lookups(),
                                    g.hits(),
                                    g.hitRate(),
                                    g.savedUsd()))
                            .toList());
        }
    }

    record InvalidatedView(int invalidated) {}

    @Override
    public void register(Router router) {
        router.post("/api/v1/research-cache/lookup", r -> {
            LookupBody body = r.body(LookupBody.class);
            return Response.ok(AnswerView.from(cache.lookup(new ResearchCacheUseCase.Lookup(
                    r.caller(),
                    slug(body.client()),
                    body.topic(),
                    Optional.ofNullable(body.maxAgeDays()),
                    run(body.runId()),
                    Optional.ofNullable(body.similarity())))));
        });
        router.put("/api/v1/research-cache", r -> {
            StoreBody body = r.body(StoreBody.class);
            if (body.content() == null) {
                throw new Invalid("content", "is required");
            }
            if (body.metadata() != null
                    && !body.metadata().isNull()
                    && !body.metadata().isObject()) {
                throw new Invalid("metadata", "must be a JSON object");
            }
            ResearchCacheUseCase.Stored stored = cache.store(new ResearchCacheUseCase.Store(
                    r.caller(),
                    slug(body.client()),
                    body.topic(),
                    body.content(),
                    run(body.runId()),
                    Optional.ofNullable(body.costUsd()),
                    Optional.ofNullable(body.metadata())
                            .filter(m -> !m.isNull())
                            .map(Json::document)));
            EntryView view = EntryView.from(stored.entry(), stored.entry().createdAt());
            return stored.created() ? Response.created(view) : Response.ok(view);
        });
        router.delete("/api/v1/research-cache/{id}", r -> {
            cache.delete(r.caller(), r.pathId("id", "research cache entry"));
            return Response.noContent();
        });
        router.post("/api/v1/research-cache/invalidate", r -> {
            InvalidateBody body = r.body(InvalidateBody.class);
            return Response.ok(new InvalidatedView(cache.invalidate(r.caller(), slug(body.client()), body.topic())));
        });
        router.get(
                "/api/v1/research-cache/stats",
                r -> Response.ok(StatsView.from(cache.stats(
                        r.caller(),
                        new ResearchCacheUseCase.StatsQuery(
                                r.query("client"), time(r, "from"), time(r, "to"), r.query("group_by"))))));
    }

    private static Optional<ClientSlug> slug(String client) {
        return Optional.ofNullable(client).map(ClientSlug::new);
    }

    private static Optional<RunId> run(String runId) {
        return Optional.ofNullable(runId).map(id -> new RunId(Request.uuid(id, "run_id")));
    }

    /** An ISO-8601 UTC time, or a date meaning its start in UTC. */
    private static Optional<Instant> time(Request r, String name) {
        return r.query(name).map(value -> {
            try {
                return value.length() == 10
                        ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new Invalid(name, "must be a date such as 2026-11-01 or a UTC time such as 2026-11-01T00:00:00Z");
            }
        });
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/research-cache.json");
    }
}
