package io.columnline.domain.knowledge;

import io.columnline.domain.error.Invalid;
import java.util.Locale;

/** How a research cache lookup found its entry: the same topic key, or the nearest topic by meaning. */
public enum CacheMatch {
    EXACT,
    SEMANTIC;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CacheMatch fromKey(String key) {
        for (CacheMatch m : values()) {
            if (m.key().equals(key)) {
                return m;
            }
        }
        throw new Invalid("match", "must be exact or semantic");
    }
}
