package io.columnline.application.prompts.port.in;

import io.columnline.domain.prompt.PromptContent;
import io.columnline.domain.prompt.PromptKey;
import io.columnline.domain.prompt.PromptLabel;
import java.util.Optional;

/** The prompt a prepared step runs, for the tracking area. */
public interface StepPrompts {
    /** The version the label names ({@code production} when none is given); empty for a prompt that is not saved. */
    Optional<Chosen> chosen(PromptKey key, Optional<PromptLabel> label);

    record Chosen(PromptKey key, int version, PromptContent content) {}
}
