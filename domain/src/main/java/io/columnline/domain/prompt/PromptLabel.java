package io.columnline.domain.prompt;

import io.columnline.domain.Key;
import io.columnline.domain.error.Invalid;

/**
 * A movable name for one version of a prompt ({@code production}, {@code staging}, …). {@code
 * latest} is kept by the system: it always names the newest version and cannot be moved.
 */
public record PromptLabel(String value) {
    public static final PromptLabel PRODUCTION = new PromptLabel("production");
    public static final PromptLabel LATEST = new PromptLabel("latest");

    public PromptLabel {
        Key.check("label", value);
    }

    /** A label a caller may put on a version: anything but {@code latest}. */
    public static PromptLabel movable(String field, String value) {
        PromptLabel label;
        try {
            label = new PromptLabel(value);
        } catch (Invalid e) {
            throw new Invalid(field, e.violations().get(0).message());
        }
        if (label.equals(LATEST)) {
            throw new Invalid(field, "'latest' always names the newest version and cannot be moved");
        }
        return label;
    }

    @Override
    public String toString() {
        return value;
    }
}
