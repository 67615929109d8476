package io.columnline.application.knowledge.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.knowledge.port.out.ChunkIndex;
import io.columnline.application.knowledge.port.out.ChunkIndex.ChunkFilter;
import io.columnline.application.knowledge.port.out.ChunkIndex.Hit;
import io.columnline.application.knowledge.port.out.ChunkIndex.IndexedChunk;
import io.columnline.application.knowledge.port.out.ChunkIndex.Position;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.SourceId;
import io.columnline.domain.knowledge.SourceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ChunkIndex} must do; run against the in-memory and the Lucene index. */
public abstract class ChunkIndexContract {
    protected static final String MODEL = "test-model";
    protected static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    protected static final ClientId ACME = new ClientId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    protected static final ClientId OTHER = new ClientId(UUID.fromString("00000000-0000-0000-0000-000000000002"));
    private static final Position AT_ONE = new Position(UUID.fromString("00000000-0000-0000-0000-0000000000e1"), 1);

    /** A new, empty index. */
    protected abstract ChunkIndex newIndex();

    protected ChunkIndex index;

    @BeforeEach
    void open() {
        index = newIndex();
    }

    @AfterEach
    void close() {
        index.close();
    }

    protected static IndexedChunk chunk(
            ClientId client, SourceId source, int at, String content, String metadata, float... vector) {
        return new IndexedChunk(
                UUID.randomUUID(),
                source,
                client,
                "source " + source.value().toString().substring(0, 8),
                2,
                Optional.of("key-" + source.value()),
                SourceType.MARKDOWN,
                CREATED,
                at,
                content,
                new JsonDocument(metadata),
                vector.length == 0 ? Map.of() : Map.of(MODEL, vector));
    }

    protected static IndexedChunk withSource(IndexedChunk c, SourceType type, Optional<String> key, Instant created) {
        return new IndexedChunk(
                c.chunk(),
                c.source(),
                c.client(),
                c.sourceName(),
                c.sourceVersion(),
                key,
                type,
                created,
                c.chunkIndex(),
                c.content(),
                c.metadata(),
                c.vectors());
    }

    private static List<UUID> ids(List<Hit> hits) {
        return hits.stream().map(h -> h.chunk().chunk()).toList();
    }

    @Test
    void a_new_index_has_no_position_and_a_commit_records_one() {
        assertThat(index.position()).isEmpty();
        index.add(List.of(chunk(ACME, SourceId.random(), 0, "hello", "{}", 1, 0)));
        index.commit(AT_ONE);
        assertThat(index.position()).contains(AT_ONE);
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void writes_are_searchable_after_the_commit_and_hits_carry_the_chunk() {
        IndexedChunk c = chunk(ACME, SourceId.random(), 3, "Quarterly revenue of Northwind", "{\"page\":2}", 1, 0);
        index.add(List.of(c));
        index.commit(AT_ONE);
        List<Hit> hits = index.lexical(ACME, "revenue", ChunkFilter.NONE, 10);
        assertThat(hits).hasSize(1);
        IndexedChunk found = hits.getFirst().chunk();
        assertThat(found.chunk()).isEqualTo(c.chunk());
        assertThat(found.source()).isEqualTo(c.source());
        assertThat(found.sourceName()).isEqualTo(c.sourceName());
        assertThat(found.sourceVersion()).isEqualTo(2);
        assertThat(found.sourceKey()).isEqualTo(c.sourceKey());
        assertThat(found.sourceType()).isEqualTo(SourceType.MARKDOWN);
        assertThat(found.chunkIndex()).isEqualTo(3);
        assertThat(found.content()).isEqualTo(c.content());
        assertThat(found.metadata()).isEqualTo(c.metadata());
        assertThat(found.sourceCreatedAt()).isEqualTo(CREATED);
        assertThat(hits.getFirst().score()).isPositive();
    }

    @Test
    void lexical_search_folds_case_and_yo_and_matches_the_start_of_a_word() {
        IndexedChunk en = chunk(ACME, SourceId.random(), 0, "Contoso Logistics ships pallets", "{}");
        IndexedChunk ru = chunk(ACME, SourceId.random(), 0, "Компания ЁЛКА поставляет ёлки", "{}");
        IndexedChunk none = chunk(ACME, SourceId.random(), 0, "nothing to see here", "{}");
        index.add(List.of(en, ru, none));
        index.commit(AT_ONE);
        assertThat(ids(index.lexical(ACME, "CONTOSO", ChunkFilter.NONE, 10))).containsExactly(en.chunk());
        assertThat(ids(index.lexical(ACME, "елка", ChunkFilter.NONE, 10))).containsExactly(ru.chunk());
        assertThat(ids(index.lexical(ACME, "Conto", ChunkFilter.NONE, 10))).containsExactly(en.chunk());
        assertThat(index.lexical(ACME, "zeppelin", ChunkFilter.NONE, 10)).isEmpty();
    }

    @Test
    void a_chunk_matching_more_of_the_query_ranks_first() {
        IndexedChunk both = chunk(ACME, SourceId.random(), 0, "solar panels and wind turbines", "{}");
        IndexedChunk one = chunk(ACME, SourceId.random(), 0, "wind in the willows", "{}");
        index.add(List.of(one, both));
        index.commit(AT_ONE);
        assertThat(ids(index.lexical(ACME, "solar wind", ChunkFilter.NONE, 10)))
                .containsExactly(both.chunk(), one.chunk());
    }

    @Test
    void nearest_answers_by_cosine_similarity_best_first() {
        IndexedChunk east = chunk(ACME, SourceId.random(), 0, "east", "{}", 1, 0);
        IndexedChunk north = chunk(ACME, SourceId.random(), 0, "north", "{}", 0, 1);
        IndexedChunk northEast = chunk(ACME, SourceId.random(), 0, "north-east", "{}", 1, 1);
        index.add(List.of(east, north, northEast));
        index.commit(AT_ONE);
        List<Hit> hits = index.nearest(ACME, MODEL, new float[] {1, 0.1f}, ChunkFilter.NONE, 2);
        assertThat(ids(hits)).containsExactly(east.chunk(), northEast.chunk());
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
        assertThat(index.nearest(ACME, "another-model", new float[] {1, 0}, ChunkFilter.NONE, 2))
                .isEmpty();
    }

    @Test
    void a_client_never_sees_another_clients_chunks() {
        IndexedChunk mine = chunk(ACME, SourceId.random(), 0, "shared words here", "{}", 1, 0);
        IndexedChunk theirs = chunk(OTHER, SourceId.random(), 0, "shared words here", "{}", 1, 0);
        index.add(List.of(mine, theirs));
        index.commit(AT_ONE);
        assertThat(ids(index.lexical(ACME, "shared", ChunkFilter.NONE, 10))).containsExactly(mine.chunk());
        assertThat(ids(index.nearest(ACME, MODEL, new float[] {1, 0}, ChunkFilter.NONE, 10)))
                .containsExactly(mine.chunk());
        assertThat(ids(index.nearest(OTHER, MODEL, new float[] {1, 0}, ChunkFilter.NONE, 10)))
                .containsExactly(theirs.chunk());
    }

    @Test
    void filters_apply_to_both_searches() {
        SourceId first = SourceId.random();
        SourceId second = SourceId.random();
        IndexedChunk a = withSource(
                chunk(
                        ACME,
                        first,
                        0,
                        "apple report",
                        "{\"lang\":\"en\",\"tags\":[\"fruit\",\"q1\"],\"page\":{\"n\":1}}",
                        1,
                        0),
                SourceType.PDF,
                Optional.of("reports/apple"),
                CREATED.plusSeconds(100));
        IndexedChunk b = withSource(
                chunk(
                        ACME,
                        second,
                        0,
                        "apple notes",
                        "{\"lang\":\"ru\",\"tags\":[\"fruit\"],\"page\":{\"n\":2}}",
                        1,
                        0),
                SourceType.TEXT,
                Optional.empty(),
                CREATED);
        index.add(List.of(a, b));
        index.commit(AT_ONE);
        List<ChunkFilter> onlyA = List.of(
                new ChunkFilter(Set.of(first), Set.of(), Set.of(), Optional.empty(), Optional.empty()),
                new ChunkFilter(Set.of(), Set.of(SourceType.PDF), Set.of(), Optional.empty(), Optional.empty()),
                new ChunkFilter(Set.of(), Set.of(), Set.of("reports/apple"), Optional.empty(), Optional.empty()),
                new ChunkFilter(
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Optional.of(new JsonDocument("{\"lang\":\"en\"}")),
                        Optional.empty()),
                new ChunkFilter(
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Optional.of(new JsonDocument("{\"tags\":[\"q1\"]}")),
                        Optional.empty()),
                new ChunkFilter(
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Optional.of(new JsonDocument("{\"page\":{\"n\":1}}")),
                        Optional.empty()),
                new ChunkFilter(Set.of(), Set.of(), Set.of(), Optional.empty(), Optional.of(CREATED.plusSeconds(1))),
                new ChunkFilter(
                        Set.of(first, second),
                        Set.of(SourceType.PDF, SourceType.CSV),
                        Set.of(),
                        Optional.empty(),
                        Optional.empty()));
        for (ChunkFilter filter : onlyA) {
            assertThat(ids(index.lexical(ACME, "apple", filter, 10)))
                    .as(filter.toString())
                    .containsExactly(a.chunk());
            assertThat(ids(index.nearest(ACME, MODEL, new float[] {1, 0}, filter, 10)))
                    .as(filter.toString())
                    .containsExactly(a.chunk());
        }
        ChunkFilter both = new ChunkFilter(
                Set.of(),
                Set.of(),
                Set.of(),
                Optional.of(new JsonDocument("{\"tags\":[\"fruit\"]}")),
                Optional.empty());
        assertThat(index.lexical(ACME, "apple", both, 10)).hasSize(2);
        ChunkFilter neither = new ChunkFilter(
                Set.of(), Set.of(), Set.of(), Optional.of(new JsonDocument("{\"lang\":\"de\"}")), Optional.empty());
        assertThat(index.lexical(ACME, "apple", neither, 10)).isEmpty();
        assertThat(index.nearest(ACME, MODEL, new float[] {1, 0}, neither, 10)).isEmpty();
    }

    @Test
    void a_filtered_nearest_search_fills_its_limit_when_enough_chunks_pass_the_filter() {
        Random random = new Random(42);
        List<IndexedChunk> chunks = new ArrayList<>();
        List<UUID> rare = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            boolean kept = i % 20 == 0;
            float[] v = new float[8];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) random.nextGaussian() + (kept ? -3 : 3);
            }
            IndexedChunk c = chunk(ACME, SourceId.random(), i, "chunk " + i, kept ? "{\"rare\":true}" : "{}", v);
            chunks.add(c);
            if (kept) {
                rare.add(c.chunk());
            }
        }
        index.add(chunks);
        index.commit(AT_ONE);
        float[] query = new float[8];
        java.util.Arrays.fill(query, 3);
        ChunkFilter filter = new ChunkFilter(
                Set.of(), Set.of(), Set.of(), Optional.of(new JsonDocument("{\"rare\":true}")), Optional.empty());
        List<Hit> hits = index.nearest(ACME, MODEL, query, filter, 15);
        assertThat(hits).hasSize(15);
        assertThat(rare).containsAll(ids(hits));
        assertThat(index.nearest(ACME, MODEL, query, filter, 100)).hasSize(20);
    }

    @Test
    void removed_sources_are_gone_after_the_commit_and_adding_again_replaces() {
        SourceId source = SourceId.random();
        IndexedChunk old = chunk(ACME, source, 0, "old words", "{}", 1, 0);
        index.add(List.of(old));
        index.commit(AT_ONE);
        index.remove(List.of(source));
        IndexedChunk replacement = chunk(ACME, source, 0, "new words", "{}", 1, 0);
        index.add(List.of(replacement));
        index.commit(new Position(AT_ONE.epoch(), 2));
        assertThat(ids(index.lexical(ACME, "words", ChunkFilter.NONE, 10))).containsExactly(replacement.chunk());
        assertThat(ids(index.nearest(ACME, MODEL, new float[] {1, 0}, ChunkFilter.NONE, 10)))
                .containsExactly(replacement.chunk());
        index.remove(List.of(source));
        index.commit(new Position(AT_ONE.epoch(), 3));
        assertThat(index.lexical(ACME, "words", ChunkFilter.NONE, 10)).isEmpty();
        assertThat(index.size()).isZero();
    }

    @Test
    void clear_forgets_the_chunks_and_the_position() {
        index.add(List.of(chunk(ACME, SourceId.random(), 0, "hello", "{}", 1, 0)));
        index.commit(AT_ONE);
        index.clear();
        assertThat(index.position()).isEmpty();
        index.commit(AT_ONE);
        assertThat(index.size()).isZero();
        assertThat(index.lexical(ACME, "hello", ChunkFilter.NONE, 10)).isEmpty();
    }

    @Test
    void limit_caps_the_answer() {
        List<IndexedChunk> chunks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            chunks.add(chunk(ACME, SourceId.random(), i, "repeated term number " + i, "{}", 1, i));
        }
        index.add(chunks);
        index.commit(AT_ONE);
        assertThat(index.lexical(ACME, "repeated", ChunkFilter.NONE, 7)).hasSize(7);
        assertThat(index.nearest(ACME, MODEL, new float[] {1, 0}, ChunkFilter.NONE, 7))
                .hasSize(7);
    }
}
