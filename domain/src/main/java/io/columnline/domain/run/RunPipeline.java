package io.columnline.domain.run;

import io.columnline.domain.pipeline.PipelineKey;
import java.util.Objects;

/** The pipeline definition a run follows, by key and the version it was started with. */
public record RunPipeline(PipelineKey key, int version) {
    public RunPipeline {
        Objects.requireNonNull(key, "key");
        if (version < 1) {
            throw new IllegalArgumentException("pipeline versions start at 1");
        }
    }
}
