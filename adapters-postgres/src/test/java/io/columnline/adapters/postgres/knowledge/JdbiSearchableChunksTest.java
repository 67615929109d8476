package io.columnline.adapters.postgres.knowledge;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.adapters.postgres.shared.PostgresDatabase;
import io.columnline.adapters.postgres.tenancy.TenancyAdapters;
import io.columnline.application.knowledge.port.out.ChunkIndex.IndexedChunk;
import io.columnline.application.knowledge.port.out.ChunkIndex.Position;
import io.columnline.application.knowledge.port.out.SearchableChunks;
import io.columnline.application.knowledge.port.out.Sources;
import io.columnline.application.shared.Fixtures;
import io.columnline.domain.client.Client;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.ChunkEmbedding;
import io.columnline.domain.knowledge.Source;
import io.columnline.domain.knowledge.SourceChunk;
import io.columnline.domain.knowledge.SourceId;
import io.columnline.domain.knowledge.SourceType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiSearchableChunksTest {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    private final JdbiSources sources = new JdbiSources(DB.session());
    private final JdbiChunkEmbeddings embeddings = new JdbiChunkEmbeddings(DB.session());
    private final JdbiSearchableChunks store = new JdbiSearchableChunks(DB.session());
    private Client acme;

    @BeforeEach
    void clientExists() {
        acme = Fixtures.client("acme");
        TenancyAdapters.clients(DB.session()).save(acme);
    }

    /** A source made ready the way the workers do it: chunks and vectors in one transaction. */
    private Source ready(String key, String hash, int chunks) {
        Source source = Source.pending(
                acme.id(),
                Optional.of(key),
                1,
                SourceType.MARKDOWN,
                key,
                "text/markdown",
                hash.repeat(64),
                1,
                new JsonDocument("{\"lang\":\"en\"}"),
                NOW);
        sources.add(source, new byte[] {1});
        Sources.Claim claim = Fixtures.present(sources.claimNext(NOW, Duration.ofMinutes(1)));
        List<SourceChunk> made = new ArrayList<>();
        List<ChunkEmbedding> vectors = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            SourceChunk chunk = new SourceChunk(
                    UUID.randomUUID(),
                    claim.source().id(),
                    i,
                    key + " chunk " + i,
                    3,
                    new JsonDocument("{\"i\":" + i + "}"));
            made.add(chunk);
            vectors.add(new ChunkEmbedding(chunk.id(), chunk.source(), i, "m", new float[] {i, 0.5f, -1}));
        }
        DB.session().run(() -> {
            sources.complete(claim, made, chunks * 3, NOW);
            embeddings.add(acme.id(), vectors);
        });
        return claim.source();
    }

    private List<SourceId> changedSince(Position before) {
        return store.changesAfter(before.change(), 1000).stream()
                .map(SearchableChunks.Change::source)
                .distinct()
                .toList();
    }

    @Test
    void a_source_made_ready_is_a_change_and_reads_back_with_its_vectors() {
        Position before = store.latest();
        Source source = ready("handbook", "a", 3);
        assertThat(store.latest().change()).isGreaterThan(before.change());
        assertThat(store.latest().epoch()).isEqualTo(before.epoch());
        assertThat(changedSince(before)).containsExactly(source.id());
        List<IndexedChunk> chunks = store.ofSources(List.of(source.id()));
        assertThat(chunks).extracting(IndexedChunk::chunkIndex).containsExactly(0, 1, 2);
        IndexedChunk second = chunks.get(1);
        assertThat(second.content()).isEqualTo("handbook chunk 1");
        assertThat(second.client()).isEqualTo(acme.id());
        assertThat(second.sourceKey()).contains("handbook");
        assertThat(second.sourceType()).isEqualTo(SourceType.MARKDOWN);
        assertThat(second.metadata()).isEqualTo(new JsonDocument("{\"i\":1}"));
        assertThat(second.vectors().get("m")).containsExactly(1f, 0.5f, -1f);
    }

    @Test
    void a_source_not_yet_ready_is_no_change_and_is_not_read() {
        Position before = store.latest();
        Source pending = Source.pending(
                acme.id(),
                Optional.empty(),
                1,
                SourceType.TEXT,
                "t",
                "text/plain",
                "b".repeat(64),
                1,
                JsonDocument.EMPTY_OBJECT,
                NOW);
        sources.add(pending, new byte[] {1});
        sources.claimNext(NOW, Duration.ofMinutes(1));
        assertThat(store.latest().change()).isEqualTo(before.change());
        assertThat(store.ofSources(List.of(pending.id()))).isEmpty();
    }

    @Test
    void every_writer_appends_a_change_re_embedding_and_deleting_included() {
        Source source = ready("prices", "c", 2);
        Position before = store.latest();
        DB.session().useHandle(h -> h.execute("UPDATE chunk_embeddings SET embedding = ARRAY[9, 9, 9]::real[]"));
        assertThat(changedSince(before)).containsExactly(source.id());
        assertThat(store.ofSources(List.of(source.id())).getFirst().vectors().get("m"))
                .containsExactly(9f, 9f, 9f);
        Position beforeDelete = store.latest();
        sources.delete(source.id());
        assertThat(changedSince(beforeDelete)).containsExactly(source.id());
        assertThat(store.ofSources(List.of(source.id()))).isEmpty();
    }

    @Test
    void the_sequence_is_in_commit_order_a_later_writer_waits_for_the_earlier_one() throws Exception {
        Source first = ready("first", "d", 1);
        Source second = ready("second", "e", 1);
        Position before = store.latest();
        try (Connection earlier = DB.database().dataSource().getConnection()) {
            earlier.setAutoCommit(false);
            try (Statement s = earlier.createStatement()) {
                s.execute("UPDATE source_chunks SET content = 'changed' WHERE source_id = '" + first.id() + "'");
            }
            CompletableFuture<Void> later = CompletableFuture.runAsync(() -> DB.session()
                    .useHandle(h -> h.execute(
                            "UPDATE source_chunks SET content = 'changed too' WHERE source_id = ?",
                            second.id().value())));
            // the later writer is waiting for the lock; nothing of either is visible yet
            Thread.sleep(300);
            assertThat(later).isNotDone();
            assertThat(store.latest().change()).isEqualTo(before.change());
            earlier.commit();
            later.get(10, TimeUnit.SECONDS);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        assertThat(changedSince(before)).containsExactly(first.id(), second.id());
    }

    @Test
    void every_ready_chunk_comes_once_in_batches() {
        List<UUID> expected = new ArrayList<>();
        for (String key : List.of("a", "b", "c", "d", "e", "f")) {
            Source s = ready("doc-" + key, key, 3);
            store.ofSources(List.of(s.id())).forEach(c -> expected.add(c.chunk()));
        }
        List<UUID> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        store.forEachReady(4, batch -> {
            sizes.add(batch.size());
            batch.forEach(c -> {
                assertThat(c.vectors()).containsKey("m");
                seen.add(c.chunk());
            });
        });
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(sizes).allMatch(n -> n <= 4);
    }

    @Test
    void a_new_epoch_is_another_epoch() {
        Position before = store.latest();
        Position after = store.newEpoch();
        assertThat(after.epoch()).isNotEqualTo(before.epoch());
        assertThat(store.latest()).isEqualTo(after);
    }
}
