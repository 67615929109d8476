package io.columnline.application.knowledge.port.out;

import io.columnline.domain.client.ClientId;
import io.columnline.domain.knowledge.ChunkEmbedding;
import io.columnline.domain.knowledge.SourceChunk;
import io.columnline.domain.knowledge.SourceId;
import java.util.List;
import java.util.Optional;

/** The vectors of stored chunks; a chunk's vectors go when the chunk goes. */
public interface ChunkEmbeddings {
    /** Stores vectors of the client's chunks, which must exist. */
    void add(ClientId client, List<ChunkEmbedding> embeddings);

    /** The dimension of the client's vectors of the model, when it has any. */
    Optional<Integer> dimension(ClientId client, String model);

    /** Up to {@code limit} of the client's chunks that have no vector of the model. */
    List<SourceChunk> withoutModel(ClientId client, String model, int limit);

    /** How many chunks the client has, and how many of them have a vector of the model. */
    Coverage coverage(ClientId client, String model);

    record Coverage(long chunks, long embedded) {}

    /** The vectors of a source's chunks, in chunk order. */
    List<ChunkEmbedding> ofSource(SourceId source);
}
