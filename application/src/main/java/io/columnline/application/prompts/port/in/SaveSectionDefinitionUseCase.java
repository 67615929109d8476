package io.columnline.application.prompts.port.in;

import io.columnline.domain.access.Caller;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.section.SectionDefinition;

/** Creates or replaces a section definition (admin keys); its schema must be a valid JSON Schema. */
public interface SaveSectionDefinitionUseCase {
    Saved save(Command command);

    /** Null fields are missing; every one is required. */
    record Command(
            Caller caller,
            String key,
            String title,
            Integer position,
            String writerPromptKey,
            Boolean required,
            JsonDocument schema) {}

    record Saved(SectionDefinition definition, boolean created) {}
}
