package io.columnline.application.knowledge.port.in;

import io.columnline.domain.access.Caller;
import io.columnline.domain.client.ClientSlug;
import java.util.Optional;

/**
 * Gives a client's chunks vectors of the embedder configured now (after a model change), a batch at
 * a time: a chunk that has one is not embedded again, so the work can stop and resume at any point,
 * and the vectors of other models stay until they are deleted with their chunks.
 */
public interface ReembedUseCase {
    /** How far the client's chunks are: how many there are and how many have the model's vectors. */
    Progress progress(Caller caller, Optional<ClientSlug> client);

    /** Embeds up to {@code batch} of the client's chunks that have no vector of the model yet. */
    Progress reembedSome(Caller caller, Optional<ClientSlug> client, int batch);

    record Progress(String model, long chunks, long embedded) {
        public boolean finished() {
            return embedded >= chunks;
        }
    }
}
