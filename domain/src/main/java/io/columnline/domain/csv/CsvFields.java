package io.columnline.domain.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 fields: a field holding a comma, quote, CR or LF is quoted, with its quotes doubled;
 * fields are separated by commas. Used for whole records by the export and for the section cells
 * a dossier keeps ready for it.
 */
public final class CsvFields {
    private CsvFields() {}

    /** Appends one field as it appears in a record (null and empty alike as nothing). */
    public static StringBuilder append(StringBuilder out, String value) {
        if (value == null || value.isEmpty()) {
            return out;
        }
        boolean quotes = value.indexOf('"') >= 0;
        if (!quotes && value.indexOf(',') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return out.append(value);
        }
        return out.append('"')
                .append(quotes ? value.replace("\"", "\"\"") : value)
                .append('"');
    }

    /** The fields joined by commas, as they appear in a record. */
    public static String join(List<String> values) {
        var out = new StringBuilder(values.size() * 16);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            append(out, values.get(i));
        }
        return out.toString();
    }

    /**
     * The fields of {@code rendered} (as {@link #join} makes them); {@code count} is how many there
     * are, since a text of no characters is one empty field or none.
     */
    public static List<String> split(String rendered, int count) {
        List<String> fields = new ArrayList<>(count);
        if (count == 0) {
            return fields;
        }
        int at = 0;
        while (true) {
            if (at < rendered.length() && rendered.charAt(at) == '"') {
                var field = new StringBuilder();
                at++;
                while (true) {
                    int quote = rendered.indexOf('"', at);
                    if (quote < 0) {
                        throw new IllegalArgumentException("a quoted field is not closed in " + rendered);
                    }
                    field.append(rendered, at, quote);
                    at = quote + 1;
                    if (at < rendered.length() && rendered.charAt(at) == '"') {
                        field.append('"');
                        at++;
                        continue;
                    }
                    break;
                }
                fields.add(field.toString());
            } else {
                int comma = rendered.indexOf(',', at);
                int end = comma < 0 ? rendered.length() : comma;
                fields.add(rendered.substring(at, end));
                at = end;
            }
            if (at >= rendered.length()) {
                break;
            }
            if (rendered.charAt(at) != ',') {
                throw new IllegalArgumentException("expected ',' at " + at + " in " + rendered);
            }
            at++;
        }
        if (fields.size() != count) {
            throw new IllegalArgumentException(
                    "expected " + count + " fields, found " + fields.size() + " in " + rendered);
        }
        return fields;
    }
}
