package io.columnline.application.prompts.port.in;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.access.Caller;
import io.columnline.domain.section.SectionDefinition;
import io.columnline.domain.section.SectionKey;

public interface ReadSectionDefinitionsUseCase {
    SectionDefinition get(Caller caller, SectionKey key);

    /** Ordered by position, then key. */
    Page<SectionDefinition> list(Caller caller, PageRequest page);
}
