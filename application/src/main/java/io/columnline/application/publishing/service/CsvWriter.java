package io.columnline.application.publishing.service;

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

    CsvWriter(OutputStream out) {
        this.out = out;
    }

    void record(List<String> fields) throws IOException {
        out.write((CsvFields.join(fields) + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a record that starts with {@code prefix} and goes on with {@code fields}. */
    void record(byte[] prefix, List<String> fields) throws IOException {
        out.write(prefix);
        String rest = CsvFields.join(fields) + "\r\n";
        out.write((prefix.length > 0 && !fields.isEmpty() ? "," + rest : rest).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The first fields of records, encoded: {@code fields}, then {@code rendered} (fields already
     * rendered, {@code renderedCount} of them) when there are any.
     */
    byte[] prefix(List<String> fields, String rendered, int renderedCount) {
        String joined = CsvFields.join(fields);
        return (renderedCount > 0 ? joined + "," + rendered : joined).getBytes(StandardCharsets.UTF_8);
    }
}
