package io.columnline.application.prompts.port.in;

import io.columnline.domain.pipeline.PipelineDefinition;
import io.columnline.domain.run.RunPipeline;
import java.util.Optional;

/** The pipeline definitions runs follow, for the tracking area. */
public interface PipelineDefinitions {
    /**
     * The version a run starting now follows: the one named, else the one labelled {@code
     * production}. An unknown pipeline or version is refused (422 on {@code field}).
     */
    RunPipeline choose(String field, String key, Optional<Integer> version);

    /** The definition of a version a run recorded; versions are immutable, so it may be cached. */
    PipelineDefinition definition(RunPipeline pipeline);
}
