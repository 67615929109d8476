package io.columnline.application.prospects.memory;

import io.columnline.application.prospects.port.out.CsvFiles;
import io.columnline.domain.error.Invalid;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A stand-in for the CSV adapter in service tests: one record per line, cells split on the
 * delimiter, no quoting. Quoting, encodings and malformed records are the real adapter's tests.
 */
public final class SplittingCsvFiles implements CsvFiles {
    @Override
    public Source open(InputStream data, Format format) {
        var reader = new BufferedReader(new InputStreamReader(data, format.encoding()));
        char delimiter = format.delimiter().orElse(',');
        String split = Pattern.quote(String.valueOf(delimiter));
        String first = line(reader);
        if (first == null) {
            throw new Invalid("file", "is empty: the first line must name the columns");
        }
        List<String> header = List.of(first.split(split, -1));
        return new Source() {
            private long number = 1;

            @Override
            public List<String> header() {
                return header;
            }

            @Override
            public char delimiter() {
                return delimiter;
            }

            @Override
            public Record next() {
                String text = line(reader);
                number++;
                return text == null ? null : new Record(number, List.of(text.split(split, -1)), Optional.empty());
            }

            @Override
            public void close() {
                try {
                    reader.close();
                } catch (IOException ignored) {
                    // a test stream
                }
            }
        };
    }

    private static String line(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
