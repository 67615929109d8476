package io.columnline.adapters.documents.knowledge;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.columnline.application.knowledge.port.out.Chunker.Chunked;
import io.columnline.application.knowledge.port.out.Chunker.Chunking;
import io.columnline.application.knowledge.port.out.Chunker.Draft;
import io.columnline.application.knowledge.port.out.Chunker.Unreadable;
import io.columnline.domain.fuzz.ShortFuzz;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.SourceType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The knowledge chunkers, one per source type: an input is the type's key on its first line and
 * the document's bytes after it (a key that is no type picks one by its hash). Any bytes are chunked
 * or answered as unreadable with a reason; nothing throws, and every chunk has content and a token
 * count within the chunk size.
 */
class ChunkerFuzzTest {
    private final TokenChunker chunker = new TokenChunker(new ChunkSizes(64, 8, "cl100k_base"));

    @FuzzTest
    void chunk(byte[] data) {
        int newline = 0;
        while (newline < data.length && data[newline] != '\n') {
            newline++;
        }
        String key = new String(data, 0, newline, UTF_8);
        byte[] content = newline < data.length ? Arrays.copyOfRange(data, newline + 1, data.length) : new byte[0];
        SourceType type = Arrays.stream(SourceType.values())
                .filter(t -> t.key().equals(key))
                .findFirst()
                .orElse(SourceType.values()[Math.floorMod(key.hashCode(), SourceType.values().length)]);
        Chunking chunking = chunker.chunk(type, content, JsonDocument.EMPTY_OBJECT);
        switch (chunking) {
            case Unreadable unreadable -> {
                if (unreadable.reason() == null || unreadable.reason().isBlank()) {
                    throw new AssertionError("unreadable without a reason");
                }
            }
            case Chunked chunked -> {
                for (Draft draft : chunked.chunks()) {
                    if (draft.content() == null || draft.content().isBlank() || draft.tokenCount() <= 0) {
                        throw new AssertionError("an empty chunk: " + draft);
                    }
                    if (draft.tokenCount() > 64) {
                        throw new AssertionError(draft.tokenCount() + " tokens in a chunk of 64: " + draft);
                    }
                }
            }
        }
    }

    @Test
    void chunkShortRun() {
        ShortFuzz.run(getClass(), "chunk", this::chunk);
    }
}
