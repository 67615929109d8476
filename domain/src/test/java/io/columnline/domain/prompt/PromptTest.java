package io.columnline.domain.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.json.JsonDocument;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final Prompt prompt = new Prompt(
            new PromptKey("writer.intro"), 3, Map.of(PromptLabel.PRODUCTION, 2, new PromptLabel("staging"), 3), NOW);

    @Test
    void latest_always_names_the_newest_version() {
        assertThat(prompt.allLabels())
                .containsExactly(
                        Map.entry(PromptLabel.LATEST, 3),
                        Map.entry(PromptLabel.PRODUCTION, 2),
                        Map.entry(new PromptLabel("staging"), 3));
        assertThat(prompt.labelsOf(3)).containsExactly(PromptLabel.LATEST, new PromptLabel("staging"));
        assertThat(prompt.labelsOf(1)).isEmpty();
    }

    @Test
    void selectors_resolve_to_version_numbers() {
        assertThat(prompt.resolve(PromptSelector.PRODUCTION)).isEqualTo(2);
        assertThat(prompt.resolve(PromptSelector.LATEST)).isEqualTo(3);
        assertThat(prompt.resolve(PromptSelector.of(null, 1))).isEqualTo(1);
        assertThat(prompt.resolve(PromptSelector.of("staging", null))).isEqualTo(3);
    }

    @Test
    void an_unknown_label_or_version_is_not_found() {
        assertThatThrownBy(() -> prompt.resolve(PromptSelector.of("canary", null)))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> prompt.resolve(PromptSelector.of(null, 4))).isInstanceOf(NotFound.class);
    }

    @Test
    void asking_for_label_and_version_at_once_is_invalid() {
        assertThatThrownBy(() -> PromptSelector.of("production", 2)).isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> PromptSelector.of(null, 0)).isInstanceOf(Invalid.class);
    }

    @Test
    void requiring_a_missing_version_names_the_field_and_the_range() {
        assertThatThrownBy(() -> prompt.requireVersion("version", 7)).isInstanceOfSatisfying(Invalid.class, e -> {
            assertThat(e.violations().get(0).field()).isEqualTo("version");
            assertThat(e.violations().get(0).message()).contains("no version 7").contains("1 to 3");
        });
    }

    @Test
    void a_save_moves_the_labels_it_asks_for_and_production_on_a_first_version_but_not_those_in_place() {
        var problems = new io.columnline.domain.error.Violations();
        var asked = PromptLabel.movable(java.util.List.of("staging", "latest", "qa"), problems);
        assertThat(asked).containsExactly(new PromptLabel("staging"), new PromptLabel("qa"));
        assertThat(problems.list())
                .singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo("labels[1]"));

        assertThat(PromptLabel.toMove(asked, true, 1, Map.of()))
                .containsExactly(new PromptLabel("staging"), new PromptLabel("qa"), PromptLabel.PRODUCTION);
        assertThat(PromptLabel.toMove(asked, false, 4, Map.of(new PromptLabel("qa"), 4, PromptLabel.PRODUCTION, 3)))
                .containsExactly(new PromptLabel("staging"));
        assertThat(PromptLabel.toMove(java.util.Set.of(), false, 1, Map.of())).isEmpty();
    }

    @Test
    void latest_cannot_be_moved_and_labels_are_keys() {
        assertThatThrownBy(() -> PromptLabel.movable("label", "latest")).isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> PromptLabel.movable("labels[0]", "Prod!"))
                .isInstanceOfSatisfying(
                        Invalid.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("labels[0]"));
        assertThat(PromptLabel.movable("label", "staging")).isEqualTo(new PromptLabel("staging"));
    }

    @Test
    void content_reports_every_problem_and_defaults_params_to_an_empty_object() {
        assertThatThrownBy(() -> PromptContent.of("{{oops", " ", null))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.violations()).hasSize(2));
        assertThatThrownBy(() -> PromptContent.of("ok", "gpt\n4", null)).isInstanceOf(Invalid.class);
        var content = PromptContent.of("ok", null, null);
        assertThat(content.model()).isEmpty();
        assertThat(content.modelParams()).isEqualTo(JsonDocument.EMPTY_OBJECT);
        assertThat(content).isEqualTo(PromptContent.of("ok", null, JsonDocument.EMPTY_OBJECT));
    }
}
