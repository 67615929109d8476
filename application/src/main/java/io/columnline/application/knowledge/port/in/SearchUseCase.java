package io.columnline.application.knowledge.port.in;

import io.columnline.domain.access.Caller;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.SourceType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * "What do we know about X for this client": the best passages of the client's ready sources, by
 * keywords, by meaning, or both fused. A search sees every change committed before it began.
 */
public interface SearchUseCase {
    int DEFAULT_LIMIT = 10;
    int MAX_LIMIT = 100;
    int DEFAULT_RRF_K = 60;
    int MAX_QUERY_LENGTH = 2000;
    int MAX_FILTER_VALUES = 1000;
    int MAX_DIMENSION = 8192;

    Found search(Command command);

    /**
     * Everything the caller sent, checked by the use case: {@code mode} hybrid (default), lexical or
     * vector; {@code kinds} what to search (only {@code chunk} today, the default).
     */
    record Command(
            Caller caller,
            Optional<ClientSlug> client,
            String query,
            Optional<String> mode,
            OptionalInt limit,
            Filter filter,
            Optional<Weights> weights,
            OptionalInt rrfK,
            Optional<List<String>> kinds,
            Optional<QueryVector> vector) {}

    /**
     * The query's vector made by the caller, for chunks embedded with the caller's own model: the
     * vector half searches the vectors of {@code model} with it instead of embedding the query.
     */
    record QueryVector(String model, float[] values) {}

    record Filter(
            Optional<List<UUID>> sourceIds,
            Optional<List<String>> types,
            Optional<List<String>> keys,
            Optional<JsonDocument> metadata,
            Optional<Instant> createdAfter) {
        public static final Filter NONE =
                new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    record Weights(double lexical, double vector) {}

    record Found(List<Result> results, long tookMillis) {
        public Found {
            results = List.copyOf(results);
        }
    }

    /**
     * One passage. {@code score}: the fused reciprocal-rank score in hybrid mode, the BM25 score in
     * lexical mode, the cosine similarity in vector mode. The ranks (from 1) are its place in each
     * search, empty when that search did not return it.
     */
    record Result(
            String kind,
            UUID chunkId,
            UUID sourceId,
            String sourceName,
            int sourceVersion,
            Optional<String> sourceKey,
            SourceType sourceType,
            int chunkIndex,
            String content,
            JsonDocument metadata,
            double score,
            OptionalInt lexicalRank,
            OptionalInt vectorRank) {}
}
