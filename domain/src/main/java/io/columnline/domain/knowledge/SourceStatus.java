package io.columnline.domain.knowledge;

import io.columnline.domain.error.Invalid;
import java.util.Arrays;
import java.util.Locale;

/** The seed's lifecycle: {@code pending → processing → ready | error}. */
public enum SourceStatus {
    PENDING,
    PROCESSING,
    READY,
    ERROR;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean settled() {
        return this == READY || this == ERROR;
    }

    public static SourceStatus fromKey(String field, String key) {
        return Arrays.stream(values())
                .filter(s -> s.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new Invalid(field, "must be one of pending, processing, ready, error"));
    }
}
