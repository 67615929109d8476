package io.columnline.domain.dossier;

import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.run.StepEntry.StepRef;
import io.columnline.domain.section.SectionKey;
import java.util.Objects;

/** One section as published: its definition's title and place, the writer's output and the step that wrote it. */
public record DossierSection(SectionKey key, String title, int position, JsonDocument content, StepRef writtenBy) {
    public DossierSection {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(writtenBy, "writtenBy");
    }
}
