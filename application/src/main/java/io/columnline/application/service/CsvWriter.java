package io.columnline.application.service;

import io.columnline.domain.csv.CsvFields;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 in UTF-8: fields separated by commas, records ended by CRLF; a field holding a comma,
 * quote, CR or LF is quoted, with its quotes doubled. Records that start alike can share their
 * first fields, rendered and encoded once ({@link #prefix}).
 */
final class CsvWriter {
    private final OutputStream out;
    private final StringBuilder line = new StringBuilder(1024);

    CsvWriter(OutputStream out) {
        this.out = out;
    }

    void record(List<String> fields) throws IOException {
        line.setLength(0);
        appendFields(fields, false);
        out.write(line.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a record that starts with {@code prefix} and goes on with {@code fields}. */
    void record(byte[] prefix, List<String> fields) throws IOException {
        out.write(prefix);
        line.setLength(0);
        appendFields(fields, prefix.length > 0);
        out.write(line.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The first fields of records, encoded: {@code fields}, then {@code rendered} (fields already
     * rendered, {@code renderedCount} of them) when there are any.
     */
    byte[] prefix(List<String> fields, String rendered, int renderedCount) {
        line.setLength(0);
        appendFields(fields, false);
        if (renderedCount > 0) {
            line.append(',').append(rendered);
        }
        return line.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void appendFields(List<String> fields, boolean afterOthers) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0 || afterOthers) {
                line.append(',');
            }
            CsvFields.append(line, fields.get(i));
        }
    }
}
