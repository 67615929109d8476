package io.columnline.adapters.search.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.adapters.search.shared.SearchHome;
import io.columnline.application.knowledge.port.out.ChunkIndex.ChunkFilter;
import io.columnline.application.knowledge.port.out.ChunkIndex.Hit;
import io.columnline.application.knowledge.port.out.ChunkIndex.IndexedChunk;
import io.columnline.application.knowledge.port.out.ChunkIndex.Position;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.SourceId;
import io.columnline.domain.knowledge.SourceType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What the Lucene index does beyond the contract: its analysis, its persistence, its recall. */
class LuceneChunkIndexBehaviourTest {
    private static final ClientId CLIENT = new ClientId(UUID.randomUUID());
    private static final Position POSITION = new Position(UUID.randomUUID(), 7);

    private static IndexedChunk chunk(String content, float... vector) {
        SourceId source = SourceId.random();
        return new IndexedChunk(
                UUID.randomUUID(),
                source,
                CLIENT,
                "s",
                1,
                Optional.empty(),
                SourceType.TEXT,
                Instant.EPOCH,
                0,
                content,
                JsonDocument.EMPTY_OBJECT,
                vector.length == 0 ? Map.of() : Map.of("m", vector));
    }

    private static LuceneChunkIndex index(Path home) {
        return new LuceneChunkIndex(new SearchHome(home));
    }

    private static List<String> found(LuceneChunkIndex index, String query) {
        return index.lexical(CLIENT, query, ChunkFilter.NONE, 10).stream()
                .map(h -> h.chunk().content())
                .toList();
    }

    @Test
    void words_match_across_russian_and_english_inflections_and_names_across_alphabets() throws IOException {
        try (LuceneChunkIndex index = index(Files.createTempDirectory("lucene-analysis"))) {
            String russian = "Компания Газпромнефть поставляет смазочные материалы заводам Казани";
            String english = "Contoso is shipping espresso machines to its customers";
            String yandex = "Договор с Яндексом подписан в марте";
            String latin = "The Lukoil office in Moscow opened";
            index.add(List.of(chunk(russian), chunk(english), chunk(yandex), chunk(latin)));
            index.commit(POSITION);
            assertThat(found(index, "компании поставляют материал")).containsExactly(russian);
            assertThat(found(index, "ships machine customer")).containsExactly(english);
            assertThat(found(index, "газпром")).containsExactly(russian);
            assertThat(found(index, "Gazpromneft")).containsExactly(russian);
            assertThat(found(index, "yandex")).containsExactly(yandex);
            assertThat(found(index, "Лукойл")).containsExactly(latin);
            assertThat(found(index, "Conto")).containsExactly(english);
            assertThat(found(index, "the and of")).isEmpty();
        }
    }

    @Test
    void the_position_and_the_chunks_survive_a_reopen_and_another_schema_reads_as_none() throws IOException {
        Path home = Files.createTempDirectory("lucene-reopen");
        try (LuceneChunkIndex index = index(home)) {
            index.add(List.of(chunk("persistent words")));
            index.commit(POSITION);
        }
        try (LuceneChunkIndex index = index(home)) {
            assertThat(index.position()).contains(POSITION);
            assertThat(found(index, "persistent")).hasSize(1);
            index.add(List.of(chunk("not committed")));
        }
        try (LuceneChunkIndex index = index(home)) {
            // closing commits what was added, under the position last recorded
            assertThat(index.position()).contains(POSITION);
        }
        Path other = Files.createTempDirectory("lucene-other");
        try (LuceneChunkIndex index = index(other)) {
            assertThat(index.position()).isEmpty();
        }
    }

    @Test
    void vector_recall_at_10_against_brute_force_is_at_least_0_95_on_clustered_vectors() throws IOException {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        int dimension = 64;
        int clusters = 20;
        float[][] centres = new float[clusters][dimension];
        for (float[] centre : centres) {
            for (int d = 0; d < dimension; d++) {
                centre[d] = (float) random.nextGaussian();
            }
        }
        List<IndexedChunk> chunks = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            float[] centre = centres[random.nextInt(clusters)];
            float[] v = new float[dimension];
            for (int d = 0; d < dimension; d++) {
                v[d] = centre[d] + 0.3f * (float) random.nextGaussian();
            }
            vectors.add(v);
            chunks.add(chunk("chunk " + i, v));
        }
        try (LuceneChunkIndex index = index(Files.createTempDirectory("lucene-recall"))) {
            index.add(chunks);
            index.commit(POSITION);
            double recall = 0;
            int queries = 50;
            for (int q = 0; q < queries; q++) {
                float[] query = vectors.get(random.nextInt(vectors.size())).clone();
                for (int d = 0; d < dimension; d++) {
                    query[d] += 0.1f * (float) random.nextGaussian();
                }
                Set<UUID> exact = new HashSet<>();
                IntStream.range(0, chunks.size())
                        .boxed()
                        .sorted(Comparator.comparingDouble(i -> -cosine(query, vectors.get(i))))
                        .limit(10)
                        .forEach(i -> exact.add(chunks.get(i).chunk()));
                List<Hit> hits = index.nearest(CLIENT, "m", query, ChunkFilter.NONE, 10);
                recall += hits.stream()
                                .filter(h -> exact.contains(h.chunk().chunk()))
                                .count()
                        / 10.0;
            }
            assertThat(recall / queries).as("recall@10 (seed %d)", seed).isGreaterThanOrEqualTo(0.95);
        }
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    void a_query_vector_of_another_dimension_finds_nothing_rather_than_failing() throws IOException {
        try (LuceneChunkIndex index = index(Files.createTempDirectory("lucene-dimension"))) {
            index.add(List.of(chunk("x", 1, 0, 0)));
            index.commit(POSITION);
            assertThat(index.nearest(CLIENT, "m", new float[] {1, 0}, ChunkFilter.NONE, 5))
                    .isEmpty();
            assertThat(index.nearest(CLIENT, "m", new float[] {0, 0, 0}, ChunkFilter.NONE, 5))
                    .isEmpty();
        }
    }
}
