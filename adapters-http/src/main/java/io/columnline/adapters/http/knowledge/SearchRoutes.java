package io.columnline.adapters.http.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.adapters.http.shared.Json;
import io.columnline.adapters.http.shared.Request;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.application.knowledge.port.in.SearchUseCase;
import io.columnline.domain.client.ClientSlug;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/** {@code POST /api/v1/search}: the best passages of a client's sources for a query. */
final class SearchRoutes implements Routes {
    private final SearchUseCase search;

    @jakarta.inject.Inject
    SearchRoutes(SearchUseCase search) {
        this.search = search;
    }

    record SearchBody(
            String client,
            String query,
            String mode,
            Integer limit,
            FilterBody filter,
            WeightsBody weights,
            Integer rrfK,
            List<String> kinds,
            VectorBody vector) {}

    record VectorBody(String model, float[] values) {}

    record FilterBody(
            List<UUID> sourceIds, List<String> types, List<String> keys, JsonNode metadata, Instant createdAfter) {}

    record WeightsBody(Double lexical, Double vector) {}

    record ResultView(
            String kind,
            UUID chunkId,
            UUID sourceId,
            String sourceName,
            int sourceVersion,
            String sourceKey,
            String sourceType,
            int chunkIndex,
            String content,
            JsonNode metadata,
            double score,
            Integer lexicalRank,
            Integer vectorRank) {
        static ResultView from(SearchUseCase.Result r) {
            return new ResultView(
                    r.kind(),
                    r.chunkId(),
                    r.sourceId(),
                    r.sourceName(),
                    r.sourceVersion(),
                    r.sourceKey().orElse(null),
                    r.sourceType().key(),
                    r.chunkIndex(),
                    r.content(),
                    Json.node(r.metadata()),
                    r.score(),
                    boxed(r.lexicalRank()),
                    boxed(r.vectorRank()));
        }
    }

    record FoundView(List<ResultView> data, long tookMs) {}

    @Override
    public void register(Router router) {
        router.post("/api/v1/search", r -> Response.ok(found(search.search(command(r)))));
    }

    private static FoundView found(SearchUseCase.Found found) {
        return new FoundView(found.results().stream().map(ResultView::from).toList(), found.tookMillis());
    }

    private static SearchUseCase.Command command(Request r) {
        SearchBody body = r.body(SearchBody.class);
        FilterBody f = body.filter();
        SearchUseCase.Filter filter = f == null
                ? SearchUseCase.Filter.NONE
                : new SearchUseCase.Filter(
                        Optional.ofNullable(f.sourceIds()),
                        Optional.ofNullable(f.types()),
                        Optional.ofNullable(f.keys()),
                        Optional.ofNullable(f.metadata())
                                .filter(m -> !m.isNull())
                                .map(Json::document),
                        Optional.ofNullable(f.createdAfter()));
        WeightsBody w = body.weights();
        return new SearchUseCase.Command(
                r.caller(),
                Optional.ofNullable(body.client()).map(ClientSlug::new),
                body.query() == null ? "" : body.query(),
                Optional.ofNullable(body.mode()),
                body.limit() == null ? OptionalInt.empty() : OptionalInt.of(body.limit()),
                filter,
                Optional.ofNullable(w)
                        .map(weights -> new SearchUseCase.Weights(
                                weights.lexical() == null ? 1 : weights.lexical(),
                                weights.vector() == null ? 1 : weights.vector())),
                body.rrfK() == null ? OptionalInt.empty() : OptionalInt.of(body.rrfK()),
                Optional.ofNullable(body.kinds()),
                Optional.ofNullable(body.vector()).map(v -> new SearchUseCase.QueryVector(v.model(), v.values())));
    }

    private static Integer boxed(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/search.json");
    }
}
