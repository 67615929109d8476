package io.columnline.domain.pipeline;

import io.columnline.domain.Key;

/** The name a pipeline definition is saved and fetched under, e.g. {@code columnline-v2.main}. */
public record PipelineKey(String value) {
    public PipelineKey {
        Key.check("key", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
