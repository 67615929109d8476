package io.columnline.application.prompts.service;

import io.columnline.application.prompts.port.in.PromptReferences;
import io.columnline.application.prompts.port.out.Prompts;
import io.columnline.application.shared.Remembered;
import io.columnline.application.tenancy.port.in.ClientAccess;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.prompt.PromptKey;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What other use cases ask about prompts, as {@link ClientAccess} is for clients. Step logging uses
 * it: a step naming a registered prompt must name a version that exists, while a key that was never
 * registered is accepted as-is (some scenarios keep their prompts elsewhere).
 *
 * <p>Step logging asks for every step, so the newest version of each key is remembered for
 * {@link #FRESH_FOR}: a check costs no query. A version that looks missing is read again
 * before it is refused, so a version registered by another process is never refused; a key first
 * registered by another process may let a wrong version through for up to that long. A prompt
 * saved through this process applies at once ({@link #forget()}).
 */
@Singleton
public final class PromptCatalog implements PromptReferences {
    static final Duration FRESH_FOR = Duration.ofSeconds(10);

    /** Prompt keys are few; the bound only keeps a caller inventing keys from growing it. */
    private static final int MAX_KEYS = 10_000;

    public enum Reference {
        /** The key is registered and has the version. */
        KNOWN_VERSION,
        /** The key was never registered here. */
        UNREGISTERED_KEY,
        /** The key is registered but has no such version. */
        MISSING_VERSION
    }

    private final Prompts prompts;
    private final Remembered<String, Optional<Integer>> latest;

    @Inject
    public PromptCatalog(Prompts prompts, Clock clock) {
        this.prompts = prompts;
        this.latest = new Remembered<>(FRESH_FOR, MAX_KEYS, clock);
    }

    public Reference check(String key, int version) {
        PromptKey registrable;
        try {
            registrable = new PromptKey(key);
        } catch (Invalid e) {
            return Reference.UNREGISTERED_KEY; // no prompt can be registered under such a key
        }
        Reference reference = reference(latest(registrable, false), version);
        return reference == Reference.MISSING_VERSION ? reference(latest(registrable, true), version) : reference;
    }

    private static Reference reference(Optional<Integer> latest, int version) {
        if (latest.isEmpty()) {
            return Reference.UNREGISTERED_KEY;
        }
        return version >= 1 && version <= latest.get() ? Reference.KNOWN_VERSION : Reference.MISSING_VERSION;
    }

    private Optional<Integer> latest(PromptKey key, boolean fresh) {
        return fresh
                ? latest.reread(key.value(), () -> prompts.latestVersion(key))
                : latest.get(key.value(), () -> prompts.latestVersion(key));
    }

    /** Makes the next checks read the newest versions again: a prompt was saved. */
    void forget() {
        latest.forgetAll();
    }

    @Override
    public void requireVersionIfRegistered(String field, String key, int version) {
        if (check(key, version) == Reference.MISSING_VERSION) {
            int latest = latest(new PromptKey(key), false).orElseThrow();
            throw new Invalid(
                    field,
                    "prompt '" + key + "' has no version " + version
                            + (latest == 1 ? "; its only version is 1" : "; its versions are 1 to " + latest));
        }
    }
}
