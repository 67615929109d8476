package io.columnline.application.knowledge.port.out;

import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.SourceType;
import java.util.List;

/**
 * Reads a document of a type and splits its text into token-counted chunks on its structure first
 * (headings, paragraphs, rows, pages, members), then by size. A document that cannot be read is an
 * answer too, with a reason a person can act on.
 */
public interface Chunker {
    /** {@code sourceMetadata} is copied onto every chunk, under the chunk's own keys. */
    Chunking chunk(SourceType type, byte[] content, JsonDocument sourceMetadata);

    /**
     * Chunks as their caller cut them: each is counted, given its offsets in the text they make
     * joined by blank lines (which {@link #joined} answers), and its metadata over the source's.
     */
    Chunked asGiven(List<String> contents, List<JsonDocument> metadata, JsonDocument sourceMetadata);

    /** The text of chunks given as they are: joined by blank lines. */
    static String joined(List<String> contents) {
        return String.join("\n\n", contents);
    }

    sealed interface Chunking permits Chunked, Unreadable {}

    /** {@code tokenCount} counts the whole extracted text once (overlaps not counted twice). */
    record Chunked(List<Draft> chunks, int tokenCount) implements Chunking {
        public Chunked {
            chunks = List.copyOf(chunks);
        }
    }

    record Unreadable(String reason) implements Chunking {}

    record Draft(String content, int tokenCount, JsonDocument metadata) {}
}
