package io.columnline.application.knowledge.contract;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.knowledge.port.out.ChunkEmbeddings;
import io.columnline.application.knowledge.port.out.Sources;
import io.columnline.application.shared.Fixtures;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.domain.client.Client;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.ChunkEmbedding;
import io.columnline.domain.knowledge.Source;
import io.columnline.domain.knowledge.SourceChunk;
import io.columnline.domain.knowledge.SourceType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ChunkEmbeddings} adapter must do; run against the in-memory and the Postgres one. */
public abstract class ChunkEmbeddingsContract {
    protected abstract ChunkEmbeddings embeddings();

    protected abstract Sources sources();

    protected abstract Clients clients();

    private Client acme;

    @BeforeEach
    void clientExists() {
        acme = Fixtures.client("acme");
        clients().save(acme);
    }

    private List<SourceChunk> readySource(String key, String hash, int version, int seconds) {
        Source source = Source.pending(
                acme.id(),
                Optional.of(key),
                version,
                SourceType.TEXT,
                key,
                "text/plain",
                hash.repeat(32),
                1,
                JsonDocument.EMPTY_OBJECT,
                NOW.plusSeconds(seconds));
        sources().add(source, new byte[] {1});
        Sources.Claim claim = Fixtures.present(sources().claimNext(NOW.plusSeconds(seconds), Duration.ofMinutes(1)));
        List<SourceChunk> chunks = List.of(
                new SourceChunk(UUID.randomUUID(), source.id(), 0, "zero", 1, JsonDocument.EMPTY_OBJECT),
                new SourceChunk(UUID.randomUUID(), source.id(), 1, "one", 1, JsonDocument.EMPTY_OBJECT));
        sources().complete(claim, chunks, 2, NOW.plusSeconds(seconds));
        return chunks;
    }

    private static ChunkEmbedding vector(SourceChunk chunk, String model, float... values) {
        return new ChunkEmbedding(chunk.id(), chunk.source(), chunk.chunkIndex(), model, values);
    }

    @Test
    void vectors_come_back_exactly_in_chunk_order_with_their_model() {
        List<SourceChunk> chunks = readySource("a", "ab", 1, 0);
        ChunkEmbedding second = vector(chunks.get(1), "mini", 0.25f, -1.5e-7f, 3.4028235e38f);
        ChunkEmbedding first = vector(chunks.get(0), "mini", 1f, 0f, -0.5f);
        ChunkEmbedding otherModel = vector(chunks.get(0), "other", 0.5f, 0.5f);

        embeddings().add(acme.id(), List.of(second, first, otherModel));

        assertThat(embeddings().ofSource(chunks.get(0).source())).containsExactly(first, otherModel, second);
        assertThat(embeddings().ofSource(chunks.get(0).source()).get(2).dimension())
                .isEqualTo(3);
    }

    @Test
    void a_chunks_vectors_go_with_it_when_its_source_is_deleted_or_replaced() {
        List<SourceChunk> old = readySource("a", "01", 1, 0);
        embeddings().add(acme.id(), List.of(vector(old.get(0), "mini", 1f), vector(old.get(1), "mini", 2f)));
        List<SourceChunk> kept = readySource("b", "02", 1, 1);
        embeddings().add(acme.id(), List.of(vector(kept.get(0), "mini", 3f)));

        readySource("a", "03", 2, 2);
        assertThat(embeddings().ofSource(old.get(0).source())).isEmpty();
        assertThat(embeddings().ofSource(kept.get(0).source())).hasSize(1);

        sources().delete(kept.get(0).source());
        assertThat(embeddings().ofSource(kept.get(0).source())).isEmpty();
    }

    @Test
    void chunks_without_a_models_vector_are_found_and_counted_per_client() {
        List<SourceChunk> chunks = readySource("c", "0c", 1, 0);
        assertThat(embeddings().coverage(acme.id(), "mini")).isEqualTo(new ChunkEmbeddings.Coverage(2, 0));
        assertThat(embeddings().dimension(acme.id(), "mini")).isEmpty();

        embeddings().add(acme.id(), List.of(vector(chunks.get(1), "mini", 1f, 0f)));

        assertThat(embeddings().withoutModel(acme.id(), "mini", 10)).containsExactly(chunks.get(0));
        assertThat(embeddings().withoutModel(acme.id(), "other", 10)).containsExactlyInAnyOrderElementsOf(chunks);
        assertThat(embeddings().withoutModel(acme.id(), "other", 1)).hasSize(1);
        assertThat(embeddings().coverage(acme.id(), "mini")).isEqualTo(new ChunkEmbeddings.Coverage(2, 1));
        assertThat(embeddings().dimension(acme.id(), "mini")).contains(2);
        Client other = Fixtures.client("other-client");
        clients().save(other);
        assertThat(embeddings().withoutModel(other.id(), "other", 10)).isEmpty();
        assertThat(embeddings().coverage(other.id(), "mini")).isEqualTo(new ChunkEmbeddings.Coverage(0, 0));
        assertThat(embeddings().dimension(other.id(), "mini")).isEmpty();
    }
}
