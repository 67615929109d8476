package io.columnline.domain.knowledge;

import io.columnline.domain.json.JsonDocument;
import java.util.Objects;
import java.util.UUID;

/**
 * One token-counted passage of a source. {@code metadata} holds where it came from: character
 * offsets into the extracted text, and the heading path, page or row range of its kind.
 */
public record SourceChunk(
        UUID id, SourceId source, int chunkIndex, String content, int tokenCount, JsonDocument metadata) {
    public SourceChunk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(metadata, "metadata");
        if (chunkIndex < 0 || tokenCount < 0) {
            throw new IllegalArgumentException("chunk_index and token_count are never negative");
        }
    }
}
