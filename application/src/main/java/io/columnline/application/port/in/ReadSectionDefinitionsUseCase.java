package io.columnline.application.port.in;

import io.columnline.application.page.Page;
import io.columnline.application.page.PageRequest;
import io.columnline.domain.access.Caller;
import io.columnline.domain.section.SectionDefinition;
import io.columnline.domain.section.SectionKey;

public interface ReadSectionDefinitionsUseCase {
    SectionDefinition get(Caller caller, SectionKey key);

    /** Ordered by position, then key. */
    Page<SectionDefinition> list(Caller caller, PageRequest page);
}
