package io.columnline.application.shared;

import java.util.Optional;
import java.util.UUID;

/** A name that may be an id: slugs and list names are never 36 characters of UUID. */
public final class Uuids {
    private Uuids() {}

    public static Optional<UUID> parse(String text) {
        try {
            return text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
