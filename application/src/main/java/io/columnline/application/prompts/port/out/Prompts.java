package io.columnline.application.prompts.port.out;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.prompt.Prompt;
import io.columnline.domain.prompt.PromptKey;
import io.columnline.domain.prompt.PromptLabel;
import io.columnline.domain.prompt.PromptVersion;
import java.util.Optional;

/** The installation's prompts: immutable numbered versions and the labels pointing at them. */
public interface Prompts {
    Optional<Prompt> byKey(PromptKey key);

    /** The newest version number, empty for a key never registered: one cheap lookup for step logging. */
    Optional<Integer> latestVersion(PromptKey key);

    /** Prompts ordered by key. */
    Page<Prompt> list(PageRequest page);

    /**
     * Stores a version; version 1 registers the key. A version number that is already taken fails
     * (the transaction then runs again and sees the other writer's version).
     */
    void addVersion(PromptVersion version);

    /** Points the label at the version, which must exist. */
    void setLabel(PromptKey key, PromptLabel label, int version);

    Optional<PromptVersion> version(PromptKey key, int version);

    /** Newest first. */
    Page<PromptVersion> versions(PromptKey key, PageRequest page);
}
