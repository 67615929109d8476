package io.columnline.adapters.postgres.prospects;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.columnline.application.prospects.port.out.CsvFiles;
import io.columnline.domain.error.Invalid;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Reads CSV with FastCSV so that one malformed record never ends the file. FastCSV's reader cannot
 * resume after a parse error (an unclosed quote swallows the rest of the file; text after a closing
 * quote throws), so this class frames records first: it joins physical lines while a quote is open
 * and feeds FastCSV one framed record per read, so the parser never holds more than the record it
 * is on. A record that throws is refused and a fresh parser continues with the next one; a record
 * that spans lines but does not parse into the header's width has its first line refused as an
 * unclosed quote, and the lines it swallowed are read again as records of their own.
 */
final class FastCsvFiles implements CsvFiles {
    /** A quoted value may span lines, but not more than this: past it the quote is taken as unclosed. */
    static final int MAX_LINES_PER_RECORD = 200;

    static final int MAX_RECORD_CHARS = 1 << 20;

    @Inject
    FastCsvFiles() {}

    @Override
    public Source open(InputStream data, Format format) {
        return new RecordSource(new Lines(data, format.encoding()), format);
    }

    private static final class RecordSource implements Source {
        private final Lines reader;
        private final Format format;
        private final Deque<PhysicalLine> pending = new ArrayDeque<>();
        private final Feed feed = new Feed();
        private final List<String> header;
        private final char delimiter;
        private final CsvReader.CsvReaderBuilder builder;
        private Iterator<CsvRecord> records;
        private long linesRead;

        RecordSource(Lines reader, Format format) {
            this.reader = reader;
            this.format = format;
            PhysicalLine first = nextLine();
            while (first != null && first.text().isBlank()) {
                first = nextLine();
            }
            if (first == null) {
                throw new Invalid("file", "is empty: the first line must name the columns");
            }
            String headerText = first.text().startsWith("\uFEFF") ? first.text().substring(1) : first.text();
            delimiter = format.delimiter().orElseGet(() -> detect(headerText));
            builder = CsvReader.builder()
                    .fieldSeparator(delimiter)
                    .skipEmptyLines(false)
                    .allowUnclosedQuote(false)
                    .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .missingFieldStrategy(FieldMismatchStrategy.IGNORE);
            try {
                header = builder.ofSingleCsvRecord(headerText).getFields().stream()
                        .map(String::strip)
                        .toList();
            } catch (CsvParseException e) {
                throw new Invalid("file", "the header line cannot be read: " + e.getMessage());
            }
            records = builder.ofCsvRecord(feed).iterator();
        }

        /** The separator used most often in the header line, outside quotes: comma, semicolon or tab. */
        private static char detect(String headerLine) {
            int commas = 0;
            int semicolons = 0;
            int tabs = 0;
            boolean quoted = false;
            for (char c : headerLine.toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted) {
                    commas += c == ',' ? 1 : 0;
                    semicolons += c == ';' ? 1 : 0;
                    tabs += c == '\t' ? 1 : 0;
                }
            }
            if (tabs > commas && tabs > semicolons) {
                return '\t';
            }
            return semicolons > commas ? ';' : ',';
        }

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
            Framed framed = frame();
            if (framed == null) {
                return null;
            }
            if (framed.unclosed()) {
                return unclosed(framed);
            }
            feed.offer(framed.text());
            try {
                if (!records.hasNext()) {
                    throw new IllegalStateException("the parser lost a record");
                }
                CsvRecord record = records.next();
                if (!framed.swallowed().isEmpty() && record.getFieldCount() != header.size()) {
                    return unclosed(framed);
                }
                return new Record(framed.first().number(), record.getFields(), Optional.empty());
            } catch (CsvParseException e) {
                feed.drop();
                records = builder.ofCsvRecord(feed).iterator();
                if (!framed.swallowed().isEmpty()) {
                    return unclosed(framed);
                }
                return new Record(
                        framed.first().number(),
                        List.of(),
                        Optional.of(
                                "stray quote: a quoted value must be followed by the delimiter or the end of the line;"
                                        + " quote the whole value and double the quotes inside it (\"\")"));
            }
        }

        /** The next record's physical lines, joined while a quote is open. */
        private Framed frame() {
            PhysicalLine first = nextLine();
            while (first != null && first.text().isEmpty()) {
                first = nextLine();
            }
            if (first == null) {
                return null;
            }
            StringBuilder text = new StringBuilder(first.text());
            Deque<PhysicalLine> joined = new ArrayDeque<>();
            boolean open = oddQuotes(first.text());
            while (open) {
                PhysicalLine more =
                        joined.size() < MAX_LINES_PER_RECORD && text.length() < MAX_RECORD_CHARS ? nextLine() : null;
                if (more == null) {
                    return new Framed(first, joined, null, true);
                }
                joined.add(more);
                text.append('\n').append(more.text());
                open ^= oddQuotes(more.text());
            }
            return new Framed(first, joined, text.append('\n').toString(), false);
        }

        /** Refuses the first line and gives the lines it swallowed back to be read again. */
        private Record unclosed(Framed framed) {
            Deque<PhysicalLine> swallowed = framed.swallowed();
            while (!swallowed.isEmpty()) {
                pending.addFirst(swallowed.removeLast());
            }
            return new Record(
                    framed.first().number(),
                    List.of(),
                    Optional.of(
                            "unclosed quote: a quoted value starts on this line and does not end; close it or double the quote (\"\")"));
        }

        private static boolean oddQuotes(String text) {
            int count = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '"') {
                    count++;
                }
            }
            return (count & 1) == 1;
        }

        private PhysicalLine nextLine() {
            if (!pending.isEmpty()) {
                return pending.removeFirst();
            }
            try {
                String text = reader.readLine();
                if (text == null) {
                    return null;
                }
                linesRead++;
                return new PhysicalLine(linesRead, text);
            } catch (CharacterCodingException e) {
                String hint = format.encoding().equals(StandardCharsets.UTF_8)
                        ? "; if it was saved as Windows Cyrillic, import it with the encoding windows-1251"
                        : "";
                throw new Invalid(
                        "file",
                        "line " + (linesRead + 1) + " has bytes that are not "
                                + format.encoding().name() + " text" + hint + "; nothing was imported");
            } catch (IOException e) {
                throw new UncheckedIOException("the file could not be read: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException ignored) {
                // reading is over; nothing to release that the stream's owner does not release too
            }
        }
    }

    private record Framed(PhysicalLine first, Deque<PhysicalLine> swallowed, String text, boolean unclosed) {}

    /**
     * What FastCSV reads: exactly the one record offered, then "no data yet". Since the parser asks
     * for more only when the record it is on needs it, it never reads past the record it returns.
     */
    private static final class Feed extends Reader {
        private String current = "";
        private int pos;

        void offer(String record) {
            current = record;
            pos = 0;
        }

        void drop() {
            current = "";
            pos = 0;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (pos >= current.length()) {
                return -1;
            }
            int n = Math.min(length, current.length() - pos);
            current.getChars(pos, pos + n, buffer, offset);
            pos += n;
            return n;
        }

        @Override
        public void close() {
            // the records are owned by the source
        }
    }

    private record PhysicalLine(long number, String text) {}

    /**
     * Physical lines, each decoded on its own so an undecodable byte is reported on its own line.
     * Both encodings offered (UTF-8, windows-1251) keep '\n' as the byte 0x0A.
     */
    private static final class Lines {
        private final InputStream in;
        private final CharsetDecoder decoder;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private byte[] line = new byte[1024];

        Lines(InputStream data, Charset encoding) {
            this.in = data;
            this.decoder = encoding.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }

        String readLine() throws IOException {
            int length = 0;
            boolean any = false;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer, 0, buffer.length);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        if (!any) {
                            return null;
                        }
                        break;
                    }
                }
                any = true;
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                int n = position - start;
                if (length + n > line.length) {
                    line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
                }
                System.arraycopy(buffer, start, line, length, n);
                length += n;
                if (position < limit) {
                    position++;
                    break;
                }
            }
            if (length > 0 && line[length - 1] == '\r') {
                length--;
            }
            return decoder.decode(ByteBuffer.wrap(line, 0, length)).toString();
        }

        void close() throws IOException {
            in.close();
        }
    }
}
