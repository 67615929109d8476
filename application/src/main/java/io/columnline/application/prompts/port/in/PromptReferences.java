package io.columnline.application.prompts.port.in;

/** What a step may say about the prompt it ran: a registered prompt's key names one of its versions. */
public interface PromptReferences {
    /** Refuses (422 on {@code field}) a version that a registered prompt does not have. */
    void requireVersionIfRegistered(String field, String key, int version);
}
