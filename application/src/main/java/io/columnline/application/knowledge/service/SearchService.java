package io.columnline.application.knowledge.service;

import io.columnline.application.knowledge.port.in.SearchUseCase;
import io.columnline.application.knowledge.port.out.ChunkIndex;
import io.columnline.application.knowledge.port.out.ChunkIndex.ChunkFilter;
import io.columnline.application.knowledge.port.out.ChunkIndex.Hit;
import io.columnline.application.knowledge.port.out.Embedder;
import io.columnline.application.tenancy.port.in.ClientAccess;
import io.columnline.domain.client.Client;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.Violations;
import io.columnline.domain.knowledge.SourceId;
import io.columnline.domain.knowledge.SourceType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lexical, vector or hybrid search over one client's chunks. Hybrid runs both searches with the
 * filter inside each and fuses their rankings by weighted reciprocal rank fusion.
 */
@Singleton
public final class SearchService implements SearchUseCase {
    /** The kinds of things a search can return; a new kind brings its own ranked lists to fuse. */
    static final Set<String> KINDS = Set.of(Fusion.CHUNK);

    private final ClientAccess access;
    private final ChunkIndex index;
    private final SearchIndexService upToDate;
    private final Embedder embedder;

    @Inject
    public SearchService(ClientAccess access, ChunkIndex index, SearchIndexService upToDate, Embedder embedder) {
        this.access = access;
        this.index = index;
        this.upToDate = upToDate;
        this.embedder = embedder;
    }

    enum Mode {
        HYBRID,
        LEXICAL,
        VECTOR
    }

    @Override
    public Found search(Command command) {
        long started = System.nanoTime();
        Client client = access.chosen(command.caller(), command.client());
        Violations problems = new Violations();
        String query = command.query() == null ? "" : command.query().strip();
        if (query.isEmpty()) {
            problems.add("query", "is empty: say what to look for");
        } else if (query.length() > MAX_QUERY_LENGTH) {
            problems.add("query", "is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        Mode mode = Mode.HYBRID;
        if (command.mode().isPresent()) {
            try {
                mode = Mode.valueOf(command.mode().get().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("mode", "must be one of hybrid, lexical, vector");
            }
        }
        int limit = command.limit().orElse(DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            problems.add("limit", "must be 1 to " + MAX_LIMIT);
        }
        int rrfK = command.rrfK().orElse(DEFAULT_RRF_K);
        if (rrfK < 1 || rrfK > 10_000) {
            problems.add("rrf_k", "must be 1 to 10000");
        }
        Weights weights = command.weights().orElse(new Weights(1, 1));
        if (!validWeight(weights.lexical()) || !validWeight(weights.vector())) {
            problems.add("weights", "lexical and vector must be finite numbers from 0 to 100");
        } else if (weights.lexical() + weights.vector() == 0) {
            problems.add("weights", "cannot both be 0");
        }
        command.kinds().ifPresent(kinds -> {
            if (kinds.isEmpty() || !KINDS.containsAll(kinds)) {
                problems.add("kinds", "must list kinds among " + KINDS);
            }
        });
        ChunkFilter filter = filter(command.filter(), problems);
        command.vector().ifPresent(vector -> {
            if (vector.model() == null || vector.model().isBlank()) {
                problems.add("vector.model", "is required: the model that made the chunks' vectors");
            }
            float[] values = vector.values();
            if (values == null || values.length == 0 || values.length > MAX_DIMENSION) {
                problems.add("vector.values", "must hold 1 to " + MAX_DIMENSION + " numbers");
            } else {
                for (float v : values) {
                    if (!Float.isFinite(v)) {
                        problems.add("vector.values", "must hold finite numbers only");
                        break;
                    }
                }
            }
        });
        problems.throwIfAny();

        upToDate.catchUpForSearch();
        int window = Math.min(Math.max(limit * 2, 20), 2 * MAX_LIMIT);
        List<Hit> lexical = mode == Mode.VECTOR ? List.of() : index.lexical(client.id(), query, filter, window);
        List<Hit> vector = List.of();
        if (mode != Mode.LEXICAL) {
            if (command.vector().isPresent()) {
                QueryVector given = command.vector().get();
                vector = index.nearest(client.id(), given.model(), given.values(), filter, window);
            } else {
                float[] embedded = embedder.embed(List.of(query)).getFirst();
                vector = index.nearest(client.id(), embedder.model(), embedded, filter, window);
            }
        }
        List<Result> results = switch (mode) {
            case HYBRID -> Fusion.reciprocalRank(lexical, vector, weights, rrfK, limit);
            case LEXICAL -> Fusion.single(lexical, true, limit);
            case VECTOR -> Fusion.single(vector, false, limit);
        };
        return new Found(results, (System.nanoTime() - started) / 1_000_000);
    }

    private static boolean validWeight(double weight) {
        return Double.isFinite(weight) && weight >= 0 && weight <= 100;
    }

    private static ChunkFilter filter(Filter filter, Violations problems) {
        if (filter == null) {
            return ChunkFilter.NONE;
        }
        Set<SourceId> sources = new LinkedHashSet<>();
        filter.sourceIds().ifPresent(ids -> {
            capped(problems, "filter.source_ids", ids);
            ids.forEach(id -> {
                if (id == null) {
                    problems.add("filter.source_ids", "cannot hold null");
                } else {
                    sources.add(new SourceId(id));
                }
            });
        });
        Set<SourceType> types = new LinkedHashSet<>();
        filter.types().ifPresent(list -> {
            capped(problems, "filter.types", list);
            for (String type : list) {
                try {
                    types.add(SourceType.fromKey("filter.types", type == null ? "" : type));
                } catch (Invalid e) {
                    problems.addAll(e.violations());
                }
            }
        });
        Set<String> keys = new LinkedHashSet<>();
        filter.keys().ifPresent(list -> {
            capped(problems, "filter.keys", list);
            list.forEach(key -> {
                if (key == null) {
                    problems.add("filter.keys", "cannot hold null");
                } else {
                    keys.add(key);
                }
            });
        });
        filter.metadata().ifPresent(metadata -> {
            if (!metadata.text().startsWith("{")) {
                problems.add("filter.metadata", "must be a JSON object (the chunks' metadata must contain it)");
            }
        });
        return new ChunkFilter(sources, types, keys, filter.metadata(), filter.createdAfter());
    }

    /**
     * An empty list would match nothing, which is never what a caller means: refused rather than
     * answered empty.
     */
    private static void capped(Violations problems, String field, List<?> values) {
        if (values.isEmpty()) {
            problems.add(field, "is empty: leave it out to not filter by it");
        } else if (values.size() > MAX_FILTER_VALUES) {
            problems.add(field, "holds more than " + MAX_FILTER_VALUES + " values");
        }
    }

    /** Weighted reciprocal rank fusion, as Supabase's hybrid_search and Elasticsearch's rrf retriever. */
    static final class Fusion {
        static final String CHUNK = "chunk";

        private Fusion() {}

        /**
         * {@code score = Σ weight / (k + rank)} over the lists a chunk is in (ranks from 1); ties go
         * to the better lexical, then the better vector rank.
         */
        static List<Result> reciprocalRank(List<Hit> lexical, List<Hit> vector, Weights weights, int k, int limit) {
            java.util.Map<java.util.UUID, Fused> byChunk = new java.util.LinkedHashMap<>();
            for (int i = 0; i < lexical.size(); i++) {
                Hit hit = lexical.get(i);
                byChunk.computeIfAbsent(hit.chunk().chunk(), id -> new Fused(hit)).lexicalRank = i + 1;
            }
            for (int i = 0; i < vector.size(); i++) {
                Hit hit = vector.get(i);
                byChunk.computeIfAbsent(hit.chunk().chunk(), id -> new Fused(hit)).vectorRank = i + 1;
            }
            List<Fused> fused = new ArrayList<>(byChunk.values());
            for (Fused f : fused) {
                f.score = (f.lexicalRank > 0 ? weights.lexical() / (k + f.lexicalRank) : 0)
                        + (f.vectorRank > 0 ? weights.vector() / (k + f.vectorRank) : 0);
            }
            fused.sort(java.util.Comparator.comparingDouble((Fused f) -> -f.score)
                    .thenComparingInt(f -> f.lexicalRank > 0 ? f.lexicalRank : Integer.MAX_VALUE)
                    .thenComparingInt(f -> f.vectorRank > 0 ? f.vectorRank : Integer.MAX_VALUE));
            return fused.stream()
                    .filter(f -> f.score > 0)
                    .limit(limit)
                    .map(f -> result(f.hit, f.score, f.lexicalRank, f.vectorRank))
                    .toList();
        }

        static List<Result> single(List<Hit> hits, boolean lexical, int limit) {
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < Math.min(limit, hits.size()); i++) {
                Hit hit = hits.get(i);
                results.add(result(hit, hit.score(), lexical ? i + 1 : 0, lexical ? 0 : i + 1));
            }
            return results;
        }

        private static Result result(Hit hit, double score, int lexicalRank, int vectorRank) {
            ChunkIndex.IndexedChunk c = hit.chunk();
            return new Result(
                    CHUNK,
                    c.chunk(),
                    c.source().value(),
                    c.sourceName(),
                    c.sourceVersion(),
                    c.sourceKey(),
                    c.sourceType(),
                    c.chunkIndex(),
                    c.content(),
                    c.metadata(),
                    score,
                    lexicalRank > 0 ? java.util.OptionalInt.of(lexicalRank) : java.util.OptionalInt.empty(),
                    vectorRank > 0 ? java.util.OptionalInt.of(vectorRank) : java.util.OptionalInt.empty());
        }

        private static final class Fused {
            final Hit hit;
            int lexicalRank;
            int vectorRank;
            double score;

            Fused(Hit hit) {
                this.hit = hit;
            }
        }
    }
}
