package io.columnline.application.knowledge.port.out;

import io.columnline.domain.client.ClientId;
import io.columnline.domain.knowledge.ChunkEmbedding;
import io.columnline.domain.knowledge.SourceId;
import java.util.List;

/** The vectors of stored chunks; a chunk's vectors go when the chunk goes. */
public interface ChunkEmbeddings {
    /** Stores vectors of the client's chunks, which must exist. */
    void add(ClientId client, List<ChunkEmbedding> embeddings);

    /** The vectors of a source's chunks, in chunk order. */
    List<ChunkEmbedding> ofSource(SourceId source);
}
