package io.columnline.application.knowledge.memory;

import io.columnline.application.knowledge.port.out.ChunkEmbeddings;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.knowledge.ChunkEmbedding;
import io.columnline.domain.knowledge.SourceChunk;
import io.columnline.domain.knowledge.SourceId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Vectors by chunk and model; a vector whose chunk is gone from the sources is gone too, as in PostgreSQL. */
public final class InMemoryChunkEmbeddings implements ChunkEmbeddings {
    private final InMemorySources sources;
    private final Map<String, ChunkEmbedding> embeddings = new LinkedHashMap<>();

    public InMemoryChunkEmbeddings(InMemorySources sources) {
        this.sources = sources;
    }

    @Override
    public synchronized void add(ClientId client, List<ChunkEmbedding> added) {
        for (ChunkEmbedding e : added) {
            if (!sources.hasChunk(e.chunk())) {
                throw new IllegalStateException("chunk " + e.chunk() + " does not exist");
            }
        }
        added.forEach(e -> embeddings.put(e.chunk() + " " + e.model(), e));
    }

    @Override
    public synchronized Optional<Integer> dimension(ClientId client, String model) {
        return embeddings.values().stream()
                .filter(e -> e.model().equals(model)
                        && sources.hasChunk(e.chunk())
                        && sources.byId(e.source())
                                .map(s -> s.client().equals(client))
                                .orElse(false))
                .map(ChunkEmbedding::dimension)
                .findFirst();
    }

    @Override
    public synchronized List<SourceChunk> withoutModel(ClientId client, String model, int limit) {
        return sources.chunksOf(client).stream()
                .filter(c -> !embeddings.containsKey(c.id() + " " + model))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized Coverage coverage(ClientId client, String model) {
        List<SourceChunk> chunks = sources.chunksOf(client);
        return new Coverage(
                chunks.size(),
                chunks.stream()
                        .filter(c -> embeddings.containsKey(c.id() + " " + model))
                        .count());
    }

    @Override
    public synchronized List<ChunkEmbedding> ofSource(SourceId source) {
        return embeddings.values().stream()
                .filter(e -> e.source().equals(source) && sources.hasChunk(e.chunk()))
                .sorted(Comparator.comparingInt(ChunkEmbedding::chunkIndex).thenComparing(ChunkEmbedding::model))
                .toList();
    }
}
