package io.columnline.domain.section;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.Violation;
import io.columnline.domain.json.JsonDocument;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SectionDefinitionTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final JsonDocument SCHEMA = new JsonDocument("{\"type\":\"object\"}");

    @Test
    void every_missing_field_is_reported_at_once() {
        assertThatThrownBy(() -> SectionDefinition.Content.of(null, null, null, null, null))
                .isInstanceOfSatisfying(
                        Invalid.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly("title", "position", "writer_prompt_key", "required", "schema"));
    }

    @Test
    void position_must_not_be_negative_and_the_writer_key_must_be_a_key() {
        assertThatThrownBy(() -> SectionDefinition.Content.of("Overview", -1, "Writer Intro", true, SCHEMA))
                .isInstanceOfSatisfying(
                        Invalid.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly("position", "writer_prompt_key"));
    }

    @Test
    void replacing_with_the_same_content_keeps_the_definition() {
        var content = SectionDefinition.Content.of("Overview", 1, "writer.overview", true, SCHEMA);
        var definition = SectionDefinition.create(new SectionKey("overview"), content, NOW);
        assertThat(definition.replace(content, NOW.plusSeconds(5))).isSameAs(definition);

        var changed = SectionDefinition.Content.of("Overview", 2, "writer.overview", true, SCHEMA);
        var replaced = definition.replace(changed, NOW.plusSeconds(5));
        assertThat(replaced.position()).isEqualTo(2);
        assertThat(replaced.createdAt()).isEqualTo(NOW);
        assertThat(replaced.updatedAt()).isEqualTo(NOW.plusSeconds(5));
    }
}
