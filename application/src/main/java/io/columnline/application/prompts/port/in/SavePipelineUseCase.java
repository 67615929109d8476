package io.columnline.application.prompts.port.in;

import io.columnline.domain.access.Caller;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.pipeline.Pipeline;
import io.columnline.domain.pipeline.PipelineDefinition;
import io.columnline.domain.pipeline.PipelineVersion;
import io.columnline.domain.prompt.PromptLabel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Writes pipeline definitions (admin keys): new versions, labels. */
public interface SavePipelineUseCase {
    /**
     * Checks the definition, then saves it as a new version unless it equals the newest one, and
     * puts the labels on the version. A pipeline's first version is labelled {@code production}.
     */
    Saved save(Caller caller, Draft draft);

    /**
     * {@code definition} is the parsed form that is checked; {@code document} is its canonical JSON,
     * what is stored and compared with the newest version.
     */
    record Draft(String key, PipelineDefinition.Draft definition, JsonDocument document, List<String> labels) {
        public Draft {
            labels = labels == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(labels));
        }
    }

    record Saved(Pipeline pipeline, PipelineVersion version, boolean newVersion, List<PromptLabel> movedLabels) {}
}
