package io.columnline.domain.usage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What usage figures may be grouped by; the wire name is the lower-case name. */
public enum UsageDimension {
    DAY(false),
    HOUR(false),
    CLIENT(false),
    MODEL(true),
    STAGE(true),
    STEP_KEY(true),
    PROMPT_KEY(true),
    PROMPT_VERSION(true),
    SECTION(true),
    PIPELINE_VERSION(true),
    STATUS(true);

    private final boolean filterable;

    UsageDimension(boolean filterable) {
        this.filterable = filterable;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code filter[name]=} may narrow on it; days, hours and clients have their own parameters. */
    public boolean filterable() {
        return filterable;
    }

    public static Optional<UsageDimension> named(String wireName) {
        return Arrays.stream(values())
                .filter(d -> d.wireName().equals(wireName))
                .findFirst();
    }

    public static String allowed() {
        return Arrays.stream(values()).map(UsageDimension::wireName).collect(Collectors.joining(", "));
    }

    public static String allowedFilters() {
        return Arrays.stream(values())
                .filter(UsageDimension::filterable)
                .map(UsageDimension::wireName)
                .collect(Collectors.joining(", "));
    }
}
