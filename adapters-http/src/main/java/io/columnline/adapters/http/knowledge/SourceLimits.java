package io.columnline.adapters.http.knowledge;

/** The largest source body the sources route takes before answering 413. */
public record SourceLimits(long maxSourceBytes) {
    public SourceLimits {
        if (maxSourceBytes < 1024) {
            throw new IllegalArgumentException("the source limit must be at least 1024 bytes");
        }
    }
}
