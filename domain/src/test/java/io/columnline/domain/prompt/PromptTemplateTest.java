package io.columnline.domain.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.Violation;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {

    @Test
    void renders_every_placeholder_with_its_value() {
        var template = new PromptTemplate("Research {{company}} ({{ domain }}) for {{company}}.");
        assertThat(template.variables()).containsExactly("company", "domain");
        assertThat(template.render(Map.of("company", "Acme", "domain", "acme.com")))
                .isEqualTo("Research Acme (acme.com) for Acme.");
    }

    @Test
    void a_missing_value_is_refused_naming_every_missing_variable() {
        var template = new PromptTemplate("{{a}} {{b}} {{c}} {{a}}");
        assertThatThrownBy(() -> template.render(Map.of("b", "x")))
                .isInstanceOfSatisfying(
                        Invalid.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly("variables.a", "variables.c"));
    }

    @Test
    void extra_values_are_ignored_and_text_without_placeholders_renders_unchanged() {
        assertThat(new PromptTemplate("plain } text }}").render(Map.of("unused", "1")))
                .isEqualTo("plain } text }}");
    }

    @Test
    void an_unclosed_placeholder_is_refused_with_its_line_and_column() {
        assertThatThrownBy(() -> new PromptTemplate("Hello {{name}}\nand {{ unclosed"))
                .isInstanceOfSatisfying(Invalid.class, e -> {
                    assertThat(e.violations()).hasSize(1);
                    assertThat(e.violations().get(0).field()).isEqualTo("template");
                    assertThat(e.violations().get(0).message())
                            .contains("line 2, column 5")
                            .contains("never closed");
                });
    }

    @Test
    void braces_that_hold_no_variable_name_are_refused() {
        assertThatThrownBy(() -> new PromptTemplate("a {{}} b {{not a name}} c"))
                .isInstanceOfSatisfying(
                        Invalid.class,
                        e -> assertThat(e.violations())
                                .hasSize(2)
                                .allSatisfy(v -> assertThat(v.message()).contains("is not a variable")));
    }

    @Test
    void a_third_brace_is_literal_so_json_around_a_placeholder_works() {
        var template = new PromptTemplate("{\"company\": {{{name}}}}");
        assertThat(template.variables()).containsExactly("name");
        assertThat(template.render(Map.of("name", "\"Acme\""))).isEqualTo("{\"company\": {\"Acme\"}}");
    }

    @Test
    void make_style_names_with_dots_and_leading_digits_are_variables() {
        var template = new PromptTemplate("{{1.company_name}} / {{seed.domain}}");
        assertThat(template.variables()).containsExactly("1.company_name", "seed.domain");
    }

    @Test
    void a_blank_template_is_refused() {
        assertThatThrownBy(() -> new PromptTemplate("  \n"))
                .isInstanceOf(Invalid.class)
                .hasMessageContaining("template");
    }

    @Test
    void templates_are_equal_by_text() {
        assertThat(new PromptTemplate("x {{a}}")).isEqualTo(new PromptTemplate("x {{a}}"));
        assertThat(new PromptTemplate("x {{a}}")).isNotEqualTo(new PromptTemplate("x {{ a }}"));
    }
}
