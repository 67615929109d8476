package io.columnline.domain.prompt;

import io.columnline.domain.error.Invalid;

/** Which version of a prompt a caller asks for: by label (default {@code production}) or by number. */
public sealed interface PromptSelector {
    PromptSelector PRODUCTION = new ByLabel(PromptLabel.PRODUCTION);
    PromptSelector LATEST = new ByLabel(PromptLabel.LATEST);

    record ByLabel(PromptLabel label) implements PromptSelector {}

    record ByVersion(int version) implements PromptSelector {
        public ByVersion {
            if (version < 1) {
                throw new Invalid("version", "must be a whole number of 1 or more, got " + version);
            }
        }
    }

    /** From optional {@code label} and {@code version} inputs; naming both is refused. */
    static PromptSelector of(String label, Integer version) {
        if (label != null && version != null) {
            throw new Invalid("version", "give either label or version, not both");
        }
        if (version != null) {
            return new ByVersion(version);
        }
        return label == null ? PRODUCTION : new ByLabel(new PromptLabel(label));
    }
}
