package io.columnline.adapters.documents.knowledge;

import java.util.Locale;

/**
 * The chunk size the chunker aims at, the overlap between neighbouring chunks of one section, both
 * in tokens, and the tokenizer's encoding ({@code cl100k_base}, {@code o200k_base}, …).
 */
public record ChunkSizes(int targetTokens, int overlapTokens, String encoding) {
    public static final ChunkSizes DEFAULT = new ChunkSizes(512, 64, "cl100k_base");

    public ChunkSizes {
        if (targetTokens < 16) {
            throw new IllegalArgumentException("a chunk holds 16 tokens or more");
        }
        if (overlapTokens < 0 || overlapTokens >= targetTokens / 2) {
            throw new IllegalArgumentException("the overlap is between 0 and half the chunk size");
        }
        encoding = encoding.toLowerCase(Locale.ROOT);
    }
}
