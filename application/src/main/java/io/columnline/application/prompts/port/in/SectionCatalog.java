package io.columnline.application.prompts.port.in;

import io.columnline.domain.section.SectionDefinition;
import java.util.List;

/** The sections a dossier is assembled from, read inside the publish's transaction. */
public interface SectionCatalog {
    /** Every definition, ordered by position, then key. */
    List<SectionDefinition> all();
}
