package io.columnline.domain.section;

import io.columnline.domain.Key;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.Violations;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.prompt.PromptKey;
import java.time.Instant;
import java.util.Objects;

/**
 * One section of every dossier: where it stands, which prompt writes it, whether a dossier needs it,
 * and the JSON Schema (draft 2020-12) the writer's output must satisfy.
 */
public record SectionDefinition(
        SectionKey key,
        String title,
        int position,
        PromptKey writerPromptKey,
        boolean required,
        JsonDocument schema,
        Instant createdAt,
        Instant updatedAt) {

    private static final int MAX_TITLE_LENGTH = 200;

    public SectionDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(writerPromptKey, "writerPromptKey");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** What a caller sets; every field is needed, and every problem is reported at once. */
    public record Content(
            String title, int position, PromptKey writerPromptKey, boolean required, JsonDocument schema) {
        public static Content of(
                String title, Integer position, String writerPromptKey, Boolean required, JsonDocument schema) {
            var problems = new Violations();
            if (title == null || title.isBlank()) {
                problems.add("title", "is required");
            } else if (title.length() > MAX_TITLE_LENGTH) {
                problems.add("title", "must be at most " + MAX_TITLE_LENGTH + " characters");
            }
            if (position == null) {
                problems.add("position", "is required: the section's place in the dossier, 0 or more");
            } else if (position < 0) {
                problems.add("position", "must be 0 or more, got " + position);
            }
            PromptKey writer = null;
            if (writerPromptKey == null) {
                problems.add("writer_prompt_key", "is required");
            } else {
                try {
                    writer = new PromptKey(Key.check("writer_prompt_key", writerPromptKey));
                } catch (Invalid e) {
                    problems.addAll(e.violations());
                }
            }
            if (required == null) {
                problems.add("required", "is required: true when a dossier cannot be published without this section");
            }
            if (schema == null) {
                problems.add("schema", "is required: a JSON Schema (draft 2020-12) for the writer's output");
            }
            problems.throwIfAny();
            return new Content(title, position, writer, required, schema);
        }
    }

    public static SectionDefinition create(SectionKey key, Content content, Instant now) {
        return new SectionDefinition(
                key,
                content.title(),
                content.position(),
                content.writerPromptKey(),
                content.required(),
                content.schema(),
                now,
                now);
    }

    public Content content() {
        return new Content(title, position, writerPromptKey, required, schema);
    }

    /** The definition with new content; the same object when nothing changed. */
    public SectionDefinition replace(Content content, Instant now) {
        if (content.equals(content())) {
            return this;
        }
        return new SectionDefinition(
                key,
                content.title(),
                content.position(),
                content.writerPromptKey(),
                content.required(),
                content.schema(),
                createdAt,
                now);
    }
}
