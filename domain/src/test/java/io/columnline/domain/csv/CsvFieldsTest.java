package io.columnline.domain.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFieldsTest {
    @Test
    void fields_are_quoted_only_when_they_must_be_and_split_back_into_the_same_values() {
        List<String> values = List.of(
                "plain", "", "a, b", "say \"hi\"", "line\nbreak", "cr\rhere", "\"", ",", "[{\"x\": 1}]", "кириллица");
        String rendered = CsvFields.join(values);
        assertThat(rendered)
                .isEqualTo("plain,,\"a, b\",\"say \"\"hi\"\"\",\"line\nbreak\",\"cr\rhere\",\"\"\"\",\",\","
                        + "\"[{\"\"x\"\": 1}]\",кириллица");
        assertThat(CsvFields.split(rendered, values.size())).isEqualTo(values);
    }

    @Test
    void empty_texts_split_by_the_number_of_fields() {
        assertThat(CsvFields.split("", 0)).isEmpty();
        assertThat(CsvFields.split("", 1)).containsExactly("");
        assertThat(CsvFields.split(",", 2)).containsExactly("", "");
        assertThat(CsvFields.split("a,", 2)).containsExactly("a", "");
    }

    @Test
    void a_text_with_another_number_of_fields_is_refused() {
        assertThatThrownBy(() -> CsvFields.split("a,b", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 3 fields, found 2");
        assertThatThrownBy(() -> CsvFields.split("\"open", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
