package io.columnline.adapters.http.prospects;

/** How large a CSV body the import routes stream before answering 413. */
public record ImportLimits(long maxImportBytes) {
    public ImportLimits {
        if (maxImportBytes < 1024) {
            throw new IllegalArgumentException("the import limit must be at least 1024 bytes");
        }
    }
}
