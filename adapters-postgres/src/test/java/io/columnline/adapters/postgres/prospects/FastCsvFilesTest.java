package io.columnline.adapters.postgres.prospects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.application.prospects.port.out.CsvFiles;
import io.columnline.application.prospects.port.out.CsvFiles.Record;
import io.columnline.domain.error.Invalid;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FastCsvFilesTest {
    private final FastCsvFiles files = new FastCsvFiles();

    private List<Record> read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private List<Record> read(byte[] bytes, Charset encoding) {
        try (CsvFiles.Source source =
                files.open(new ByteArrayInputStream(bytes), new CsvFiles.Format(encoding, Optional.empty()))) {
            List<Record> records = new ArrayList<>();
            for (Record r = source.next(); r != null; r = source.next()) {
                records.add(r);
            }
            return records;
        }
    }

    @Test
    void quoted_values_may_hold_delimiters_quotes_and_line_breaks_and_keep_their_first_line_number() {
        List<Record> records = read("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,row\n");
        assertThat(records).extracting(Record::line).containsExactly(2L, 3L, 5L);
        assertThat(records.get(0).cells()).containsExactly("x, y", "say \"hi\"");
        assertThat(records.get(1).cells()).containsExactly("two\nlines", "z");
    }

    @Test
    void text_after_a_closing_quote_rejects_only_that_record() {
        List<Record> records = read("a,b\n\"ООО \"Ромашка\" Плюс\",1\nok,2\n");
        assertThat(records.get(0).malformed())
                .hasValueSatisfying(m -> assertThat(m).startsWith("stray quote"));
        assertThat(records.get(1).cells()).containsExactly("ok", "2");
    }

    @Test
    void a_quote_that_never_closes_rejects_its_line_and_the_lines_after_it_are_read_again() {
        List<Record> records = read("a,b\n\"unclosed,1\nok,2\nfine,3\n");
        assertThat(records).extracting(Record::line).containsExactly(2L, 3L, 4L);
        assertThat(records.get(0).malformed())
                .hasValueSatisfying(m -> assertThat(m).startsWith("unclosed quote"));
        assertThat(records.get(1).cells()).containsExactly("ok", "2");
        assertThat(records.get(2).cells()).containsExactly("fine", "3");
    }

    @Test
    void a_byte_order_mark_is_dropped_and_the_delimiter_is_detected() {
        try (var source = files.open(
                new ByteArrayInputStream("\uFEFFa;b;c\n1;2;3\n".getBytes(StandardCharsets.UTF_8)),
                new CsvFiles.Format(StandardCharsets.UTF_8, Optional.empty()))) {
            assertThat(source.header()).containsExactly("a", "b", "c");
            assertThat(source.delimiter()).isEqualTo(';');
            assertThat(source.next().cells()).containsExactly("1", "2", "3");
        }
    }

    @Test
    void bytes_that_are_not_the_encoding_name_their_line() {
        byte[] cp1251 = "a,b\nok,1\nООО,2\n".getBytes(Charset.forName("windows-1251"));
        assertThatThrownBy(() -> read(cp1251, StandardCharsets.UTF_8))
                .isInstanceOf(Invalid.class)
                .hasMessageContaining("line 3 has bytes that are not UTF-8");
        assertThat(read(cp1251, Charset.forName("windows-1251")).get(1).cells()).containsExactly("ООО", "2");
    }

    @Test
    void an_empty_file_is_refused() {
        assertThatThrownBy(() -> read("")).isInstanceOf(Invalid.class).hasMessageContaining("is empty");
    }
}
