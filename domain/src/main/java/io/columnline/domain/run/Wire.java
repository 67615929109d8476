package io.columnline.domain.run;

import io.columnline.domain.error.Invalid;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The lower-case names statuses have on the wire, and parsing them back with a helpful refusal. */
public final class Wire {
    private Wire() {}

    public static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new Invalid(field, "is required; use one of " + choices(type));
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> name(e).equals(value.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new Invalid(field, "'" + value + "' is not one of " + choices(type)));
    }

    private static <E extends Enum<E>> String choices(Class<E> type) {
        Function<E, String> wire = Wire::name;
        return Arrays.stream(type.getEnumConstants()).map(wire).collect(Collectors.joining(", "));
    }
}
