package io.columnline.domain.section;

import io.columnline.domain.Key;

/** The name of a dossier section, e.g. {@code company_overview}; a writer step names it as its section. */
public record SectionKey(String value) {
    public SectionKey {
        Key.check("key", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
