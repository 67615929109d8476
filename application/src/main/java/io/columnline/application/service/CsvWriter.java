package io.columnline.application.service;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180: fields separated by commas, records ended by CRLF; a field holding a comma, quote, CR
 * or LF is quoted, with its quotes doubled.
 */
final class CsvWriter {
    private final Writer out;

    CsvWriter(Writer out) {
        this.out = out;
    }

    void record(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            field(fields.get(i));
        }
        out.write("\r\n");
    }

    private void field(String value) throws IOException {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (!needsQuotes(value)) {
            out.write(value);
            return;
        }
        out.write('"');
        int from = 0;
        for (int quote = value.indexOf('"'); quote >= 0; quote = value.indexOf('"', from)) {
            out.write(value, from, quote - from + 1);
            out.write('"');
            from = quote + 1;
        }
        out.write(value, from, value.length() - from);
        out.write('"');
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
