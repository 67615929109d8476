package io.columnline.domain.dossier;

import java.util.Objects;
import java.util.UUID;

public record ListId(UUID value) {
    public ListId {
        Objects.requireNonNull(value, "value");
    }

    public static ListId random() {
        return new ListId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
