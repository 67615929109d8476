package io.columnline.domain.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {
    @Test
    void top_level_fields_answer_strings_unquoted_and_everything_else_as_its_text() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("a", "line\none \"quoted\" \u00e9");
        expected.put("n", "12.5");
        expected.put("o", "{\"x\": [1, \"}\"]}");
        expected.put("l", "[ ]");
        expected.put("z", null);
        expected.put("t", "true");
        assertThat(JsonText.topLevelFields(
                        " { \"a\" : \"line\\none \\\"quoted\\\" \\u00e9\", \"n\":12.5, \"o\": {\"x\": [1, \"}\"]},"
                                + " \"l\":[ ], \"z\": null, \"t\": true } "))
                .contains(expected);
        assertThat(JsonText.topLevelFields("{}")).contains(Map.of());
        assertThat(JsonText.topLevelFields("{\"a\": 1, \"a\": 2}")).contains(Map.of("a", "2"));
        assertThat(JsonText.topLevelFields("[1]")).isEmpty();
        assertThat(JsonText.topLevelFields("\"text\"")).isEmpty();
    }

    @Test
    void a_whole_document_reads_like_postgres_hash_arrow_arrow() {
        assertThat(JsonText.scalarOrRaw("\"buy \\\"now\\\"\"")).isEqualTo("buy \"now\"");
        assertThat(JsonText.scalarOrRaw(" [1, 2]")).isEqualTo("[1, 2]");
        assertThat(JsonText.scalarOrRaw("null")).isNull();
        assertThat(JsonText.scalarOrRaw("42")).isEqualTo("42");
    }

    @Test
    void string_arrays_round_trip_through_quote() {
        List<String> values = Arrays.asList("plain", "", null, "tab\tand \\ and \"", "\u0001 control", "кириллица");
        var json = new StringBuilder("[");
        for (String value : values) {
            if (json.length() > 1) {
                json.append(',');
            }
            JsonText.quote(json, value);
        }
        assertThat(JsonText.strings(json.append(']').toString())).isEqualTo(values);
        assertThat(JsonText.strings(" [ ] ")).isEmpty();
    }

    @Test
    void broken_text_fails_clearly() {
        assertThatThrownBy(() -> JsonText.strings("[\"open")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonText.topLevelFields("{\"a\" 1}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected ':'");
    }

    @Test
    void a_unicode_escape_takes_ascii_hex_digits_only() {
        // found by JsonTextFuzzTest.strings: Integer.parseInt took the Arabic-Indic digit three
        assertThatThrownBy(() -> JsonText.strings("[\"\\u004\u0663\"]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("four hex digits");
        assertThat(JsonText.strings("[\"\\u004A\\u004b\"]")).containsExactly("JK");
    }
}
