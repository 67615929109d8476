package io.columnline.adapters.postgres.shared;

import io.columnline.application.shared.PageRequest;
import io.columnline.domain.error.Invalid;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads the sort values back out of a page's cursor, {@code null} on the first page; a tampered
 * cursor is bad input, not a server error.
 */
public final class Cursors {
    private Cursors() {}

    public static UUID uuid(PageRequest page, int index) {
        return part(page, index, UUID::fromString);
    }

    public static Instant instant(PageRequest page, int index) {
        return part(page, index, Instant::parse);
    }

    public static LocalDate day(PageRequest page, int index) {
        return part(page, index, LocalDate::parse);
    }

    public static Long number(PageRequest page, int index) {
        return part(page, index, Long::parseLong);
    }

    /** A number the query compares with an {@code integer} column: one out of range is bad input too. */
    public static Integer integer(PageRequest page, int index) {
        return part(page, index, Integer::parseInt);
    }

    public static String text(PageRequest page, int index) {
        return part(page, index, Function.identity());
    }

    private static <T> T part(PageRequest page, int index, Function<String, T> parse) {
        return page.cursor()
                .map(c -> {
                    try {
                        return parse.apply(c.value(index));
                    } catch (IllegalArgumentException | DateTimeException | IndexOutOfBoundsException e) {
                        throw new Invalid("cursor", "is not a cursor this API returned; pass next_cursor unchanged");
                    }
                })
                .orElse(null);
    }
}
