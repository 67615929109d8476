package io.columnline.domain.knowledge;

import java.util.Objects;
import java.util.UUID;

public record SourceId(UUID value) {
    public SourceId {
        Objects.requireNonNull(value, "value");
    }

    public static SourceId random() {
        return new SourceId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
