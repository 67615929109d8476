package io.columnline.adapters.postgres.prospects;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.columnline.application.prospects.port.out.CsvFiles;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.fuzz.ShortFuzz;
import io.columnline.domain.prospect.ProspectKind;
import io.columnline.domain.prospect.ProspectLayout;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The CSV row rules of the import, as the import runs them without the database: the file read by
 * {@link FastCsvFiles} (UTF-8 and Windows-1251, delimiter detected), its header mapped by
 * {@link ProspectLayout} for companies and for contacts, every record read into values or row
 * problems. A file may be refused whole with {@link Invalid}; every record after that is an answer
 * (malformed, accepted or rejected with at least one problem), with line numbers that only grow.
 */
class CsvRowsFuzzTest {
    private static final Charset CP1251 = Charset.forName("windows-1251");
    private final FastCsvFiles files = new FastCsvFiles();

    @FuzzTest
    void rows(byte[] data) {
        for (Charset encoding : new Charset[] {StandardCharsets.UTF_8, CP1251}) {
            for (ProspectKind kind : ProspectKind.values()) {
                read(data, encoding, kind);
            }
        }
    }

    private void read(byte[] data, Charset encoding, ProspectKind kind) {
        try (CsvFiles.Source source =
                files.open(new ByteArrayInputStream(data), new CsvFiles.Format(encoding, Optional.empty()))) {
            ProspectLayout layout = ProspectLayout.of(kind, source.header(), Map.of());
            long line = 0;
            for (CsvFiles.Record record = source.next(); record != null; record = source.next()) {
                if (record.line() <= line) {
                    throw new AssertionError("line " + record.line() + " after line " + line);
                }
                line = record.line();
                if (record.malformed().isPresent()) {
                    continue;
                }
                if (layout.read(record.line(), record.cells()) instanceof ProspectLayout.Rejected rejected
                        && rejected.problems().isEmpty()) {
                    throw new AssertionError("line " + line + " rejected without a problem");
                }
            }
        } catch (Invalid refused) {
            // a file without a usable header, or bytes that are not the encoding
        }
    }

    @Test
    void rowsShortRun() {
        ShortFuzz.run(getClass(), "rows", this::rows);
    }
}
