package io.columnline.adapters.postgres.shared;

import io.columnline.application.shared.PageRequest;
import io.columnline.domain.error.Invalid;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Reads the sort values back out of a cursor; a tampered cursor is bad input, not a server error. */
public final class Cursors {
    private Cursors() {}

    public static UUID uuid(PageRequest page, int index) {
        return page.cursor()
                .map(c -> {
                    try {
                        return UUID.fromString(c.value(index));
                    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                        throw bad();
                    }
                })
                .orElse(null);
    }

    public static Instant instant(PageRequest page, int index) {
        return page.cursor()
                .map(c -> {
                    try {
                        return Instant.parse(c.value(index));
                    } catch (DateTimeParseException | IndexOutOfBoundsException e) {
                        throw bad();
                    }
                })
                .orElse(null);
    }

    public static Long number(PageRequest page, int index) {
        return page.cursor()
                .map(c -> {
                    try {
                        return Long.parseLong(c.value(index));
                    } catch (NumberFormatException | IndexOutOfBoundsException e) {
                        throw bad();
                    }
                })
                .orElse(null);
    }

    private static Invalid bad() {
        return new Invalid("cursor", "is not a cursor this API returned; pass next_cursor unchanged");
    }
}
