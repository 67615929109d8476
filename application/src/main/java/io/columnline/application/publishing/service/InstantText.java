package io.columnline.application.publishing.service;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The text of {@link Instant#toString()} (ISO-8601 in UTC, fractions in groups of three digits as
 * needed), written directly for years 0 to 9999. The JDK gets there through the general {@code
 * DateTimeFormatter}, which an export of 100,000 dossiers pays for twice per dossier and whose
 * compilation alone took a second of a two-core machine's time.
 */
final class InstantText {
    private static final long FIRST = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long LAST = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);

    private InstantText() {}

    static String of(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST || seconds > LAST) {
            return instant.toString();
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(30);
        digits(text, t.getYear(), 4);
        digits(text.append('-'), t.getMonthValue(), 2);
        digits(text.append('-'), t.getDayOfMonth(), 2);
        digits(text.append('T'), t.getHour(), 2);
        digits(text.append(':'), t.getMinute(), 2);
        digits(text.append(':'), t.getSecond(), 2);
        int nanos = instant.getNano();
        if (nanos > 0) {
            text.append('.');
            if (nanos % 1_000_000 == 0) {
                digits(text, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                digits(text, nanos / 1_000, 6);
            } else {
                digits(text, nanos, 9);
            }
        }
        return text.append('Z').toString();
    }

    /** Appends {@code value} (not negative) with leading zeros to {@code width} digits. */
    private static void digits(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        text.append(digits);
    }
}
