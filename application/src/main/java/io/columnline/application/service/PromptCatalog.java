package io.columnline.application.service;

import io.columnline.application.port.out.Prompts;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.prompt.PromptKey;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * What other use cases ask about prompts, as {@link ClientAccess} is for clients. Step logging uses
 * it: a step naming a registered prompt must name a version that exists, while a key that was never
 * registered is accepted as-is (some scenarios keep their prompts elsewhere).
 */
public final class PromptCatalog {
    public enum Reference {
        /** The key is registered and has the version. */
        KNOWN_VERSION,
        /** The key was never registered here. */
        UNREGISTERED_KEY,
        /** The key is registered but has no such version. */
        MISSING_VERSION
    }

    private final Prompts prompts;

    @Inject
    public PromptCatalog(Prompts prompts) {
        this.prompts = prompts;
    }

    public Reference check(String key, int version) {
        PromptKey registrable;
        try {
            registrable = new PromptKey(key);
        } catch (Invalid e) {
            return Reference.UNREGISTERED_KEY; // no prompt can be registered under such a key
        }
        Optional<Integer> latest = prompts.latestVersion(registrable);
        if (latest.isEmpty()) {
            return Reference.UNREGISTERED_KEY;
        }
        return version >= 1 && version <= latest.get() ? Reference.KNOWN_VERSION : Reference.MISSING_VERSION;
    }

    /** Refuses (422 on {@code field}) a version that a registered prompt does not have. */
    public void requireVersionIfRegistered(String field, String key, int version) {
        if (check(key, version) == Reference.MISSING_VERSION) {
            int latest = prompts.latestVersion(new PromptKey(key)).orElseThrow();
            throw new Invalid(
                    field,
                    "prompt '" + key + "' has no version " + version
                            + (latest == 1 ? "; its only version is 1" : "; its versions are 1 to " + latest));
        }
    }
}
