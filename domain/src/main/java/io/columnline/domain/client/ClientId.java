package io.columnline.domain.client;

import java.util.Objects;
import java.util.UUID;

public record ClientId(UUID value) {
    public ClientId {
        Objects.requireNonNull(value, "value");
    }

    public static ClientId random() {
        return new ClientId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
