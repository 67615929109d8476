package io.columnline.domain.prompt;

import io.columnline.domain.Key;

/** The name a prompt is registered and fetched under, e.g. {@code writer.company_overview}. */
public record PromptKey(String value) {
    public PromptKey {
        Key.check("key", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
