package io.columnline.application.prompts.port.in;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.access.Caller;
import io.columnline.domain.pipeline.Pipeline;
import io.columnline.domain.pipeline.PipelineKey;
import io.columnline.domain.pipeline.PipelineVersion;
import io.columnline.domain.prompt.PromptLabel;
import io.columnline.domain.prompt.PromptSelector;
import java.util.List;

/** Reads pipeline definitions (any key): a chosen version, the list, the history. */
public interface ReadPipelinesUseCase {
    Selected get(Caller caller, PipelineKey key, PromptSelector selector);

    Page<Pipeline> list(Caller caller, PageRequest page);

    /** Newest first, each with its labels. */
    Page<Selected> versions(Caller caller, PipelineKey key, PageRequest page);

    record Selected(Pipeline pipeline, PipelineVersion version) {
        public List<PromptLabel> labels() {
            return pipeline.labelsOf(version.version());
        }
    }
}
