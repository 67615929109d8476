package io.columnline.application.prompts.port.out;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.pipeline.Pipeline;
import io.columnline.domain.pipeline.PipelineKey;
import io.columnline.domain.pipeline.PipelineVersion;
import io.columnline.domain.prompt.PromptLabel;
import java.util.Optional;

/** The installation's pipeline definitions: immutable numbered versions and the labels pointing at them. */
public interface Pipelines {
    Optional<Pipeline> byKey(PipelineKey key);

    /** Pipelines ordered by key. */
    Page<Pipeline> list(PageRequest page);

    /**
     * Stores a version; version 1 registers the key. A version number that is already taken fails
     * (the transaction then runs again and sees the other writer's version).
     */
    void addVersion(PipelineVersion version);

    /** Points the label at the version, which must exist. */
    void setLabel(PipelineKey key, PromptLabel label, int version);

    Optional<PipelineVersion> version(PipelineKey key, int version);

    /** Newest first. */
    Page<PipelineVersion> versions(PipelineKey key, PageRequest page);
}
