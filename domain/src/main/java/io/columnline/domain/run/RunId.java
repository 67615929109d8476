package io.columnline.domain.run;

import java.util.Objects;
import java.util.UUID;

public record RunId(UUID value) {
    public RunId {
        Objects.requireNonNull(value, "value");
    }

    public static RunId random() {
        return new RunId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
