package io.columnline.application.prompts.port.out;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.section.SectionDefinition;
import io.columnline.domain.section.SectionKey;
import java.util.List;
import java.util.Optional;

/** The sections every dossier is assembled from. */
public interface SectionDefinitions {
    Optional<SectionDefinition> byKey(SectionKey key);

    /** Inserts a new definition or replaces the stored one with the same key. */
    void save(SectionDefinition definition);

    /** Ordered by position, then key. */
    Page<SectionDefinition> list(PageRequest page);

    /** Every definition, ordered by position, then key: what a dossier is assembled from. */
    List<SectionDefinition> all();
}
