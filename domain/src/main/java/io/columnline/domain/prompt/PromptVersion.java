package io.columnline.domain.prompt;

import java.time.Instant;
import java.util.Objects;

/** One immutable, numbered version of a prompt (1, 2, 3, … with no gaps). */
public record PromptVersion(PromptKey key, int version, PromptContent content, Instant createdAt) {
    public PromptVersion {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdAt, "createdAt");
        if (version < 1) {
            throw new IllegalArgumentException("prompt versions start at 1");
        }
    }
}
