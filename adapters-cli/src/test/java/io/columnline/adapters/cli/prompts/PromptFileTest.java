package io.columnline.adapters.cli.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.domain.json.JsonDocument;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromptFileTest {

    @Test
    void the_header_holds_model_and_params_and_the_rest_is_the_template() throws Exception {
        var file = PromptFile.parse("writer.overview.prompt", """
        ---
        model: gpt-4.1-mini
        # tuned for long sections
        params: {"temperature": 0.2, "max_tokens": 4000}
        ---
        Research {{company}}.
        """);
        assertThat(file.key()).isEqualTo("writer.overview");
        assertThat(file.model()).contains("gpt-4.1-mini");
        assertThat(file.params()).isEqualTo(new JsonDocument("{\"max_tokens\":4000,\"temperature\":0.2}"));
        assertThat(file.template()).isEqualTo("Research {{company}}.\n");
    }

    @Test
    void a_file_without_a_header_is_all_template() throws Exception {
        var file = PromptFile.parse("claims.prompt", "Extract claims from {{text}}");
        assertThat(file.model()).isEmpty();
        assertThat(file.params()).isEqualTo(JsonDocument.EMPTY_OBJECT);
        assertThat(file.template()).isEqualTo("Extract claims from {{text}}");
        assertThat(file.render()).isEqualTo("Extract claims from {{text}}");
    }

    @Test
    void writing_then_reading_gives_back_the_same_prompt() throws Exception {
        var cases = new PromptFile[] {
            new PromptFile(
                    "a", Optional.of("gpt-5"), new JsonDocument("{\"temperature\":0.2}"), "Line one\r\nline two\n\n"),
            new PromptFile("b", Optional.empty(), JsonDocument.EMPTY_OBJECT, "---\nlooks like a header\n---\n"),
            new PromptFile("c", Optional.empty(), new JsonDocument("{\"stop\":[\"\\n\"]}"), "no trailing newline"),
            new PromptFile("d", Optional.of("o3"), JsonDocument.EMPTY_OBJECT, "\uFEFF? no: text"),
        };
        for (PromptFile original : cases) {
            assertThat(PromptFile.parse(original.key() + ".prompt", original.render()))
                    .isEqualTo(original);
        }
    }

    @Test
    void windows_line_endings_in_the_header_are_read() throws Exception {
        var file = PromptFile.parse("x.prompt", "---\r\nmodel: gpt-5\r\n---\r\nHi\r\n");
        assertThat(file.model()).contains("gpt-5");
        assertThat(file.template()).isEqualTo("Hi\r\n");
    }

    @Test
    void header_mistakes_name_their_line() {
        assertThatThrownBy(() -> PromptFile.parse("x.prompt", "---\nmodel: a\ntemperature: 0.2\n---\nHi"))
                .hasMessageContaining("line 3")
                .hasMessageContaining("'temperature' is not a header");
        assertThatThrownBy(() -> PromptFile.parse("x.prompt", "---\nparams: [1]\n---\nHi"))
                .hasMessageContaining("line 2")
                .hasMessageContaining("JSON object");
        assertThatThrownBy(() -> PromptFile.parse("x.prompt", "---\nparams: {oops\n---\nHi"))
                .hasMessageContaining("line 2")
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> PromptFile.parse("x.prompt", "---\nmodel: a\nHi"))
                .hasMessageContaining("line 3")
                .hasMessageContaining("closes the header");
        assertThatThrownBy(() -> PromptFile.parse("x.prompt", "---\nmodel: a\n"))
                .hasMessageContaining("never closed");
        assertThatThrownBy(() -> PromptFile.parse("x.prompt", "---\nmodel: a\nmodel: b\n---\nHi"))
                .hasMessageContaining("twice");
    }
}
