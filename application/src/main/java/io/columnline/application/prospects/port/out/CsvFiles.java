package io.columnline.application.prospects.port.out;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;

/**
 * Reads delimited text as records with their line numbers, streaming. A file that cannot be read
 * at all (no header, bytes that are not the encoding) is refused with
 * {@link io.columnline.domain.error.Invalid} on field {@code file}; a single malformed record is
 * handed back as such and reading goes on.
 */
public interface CsvFiles {
    Source open(InputStream data, Format format);

    /** {@code delimiter} empty means: detect it from the header line ({@code ,}, {@code ;} or tab). */
    record Format(Charset encoding, Optional<Character> delimiter) {}

    /** A record as read, or the reason it could not be split into cells. */
    record Record(long line, List<String> cells, Optional<String> malformed) {}

    interface Source extends AutoCloseable {
        List<String> header();

        char delimiter();

        /** The next record, or {@code null} after the last. */
        Record next();

        @Override
        void close();
    }
}
