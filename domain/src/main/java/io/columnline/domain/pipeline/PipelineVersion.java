package io.columnline.domain.pipeline;

import io.columnline.domain.json.JsonDocument;
import java.time.Instant;
import java.util.Objects;

/**
 * One immutable, numbered version of a pipeline (1, 2, 3, … with no gaps). {@code definition} is
 * the canonical JSON of a definition that passed {@link PipelineDefinition#check}: two saves of the
 * same content compare equal, so the second makes no new version.
 */
public record PipelineVersion(PipelineKey key, int version, JsonDocument definition, Instant createdAt) {
    public PipelineVersion {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(createdAt, "createdAt");
        if (version < 1) {
            throw new IllegalArgumentException("pipeline versions start at 1");
        }
    }
}
