package io.columnline.adapters.documents.knowledge;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import io.columnline.application.knowledge.port.out.Chunker;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.SourceType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits a document on its structure first (sections: headings, pages, JSON members; CSV rows),
 * then inside a section by paragraphs, sentences and words, packing the pieces into chunks of up
 * to the target size. A chunk is a range of the extracted text, so its offsets are exact and it
 * never ends inside a word or a character; only a run longer than a chunk with no space in it is
 * cut, between two characters. Neighbouring chunks of one section overlap by whole words.
 */
@Singleton
final class TokenChunker implements Chunker {
    /** JSON nested deeper than this is refused with a reason instead of exhausting the stack. */
    static final int MAX_JSON_DEPTH = 200;

    private final ChunkSizes sizes;
    private final Encoding encoding;
    private final ObjectMapper json;

    @Inject
    TokenChunker(ChunkSizes sizes) {
        this.sizes = sizes;
        this.encoding = Encodings.newLazyEncodingRegistry()
                .getEncoding(sizes.encoding())
                .orElseThrow(() -> new IllegalArgumentException("unknown tokenizer encoding " + sizes.encoding()
                        + ": use cl100k_base, o200k_base, p50k_base, p50k_edit or r50k_base"));
        this.json = JsonMapper.builder()
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .build();
        this.json
                .getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_JSON_DEPTH)
                        .build());
    }

    @Override
    public Chunking chunk(SourceType type, byte[] content, JsonDocument sourceMetadata) {
        Map<String, Object> base;
        try {
            base = json.readValue(sourceMetadata.text(), new TypeReference<TreeMap<String, Object>>() {});
        } catch (Exception e) {
            base = Map.of();
        }
        try {
            return switch (type) {
                case CSV -> csv(Readers.utf8(content), base);
                case TEXT -> pack(Readers.plain(Readers.utf8(content)), base);
                case MARKDOWN -> pack(Readers.markdown(Readers.utf8(content)), base);
                case JSON -> pack(Readers.json(content, json), base);
                case PDF -> pack(Readers.pdf(content), base);
            };
        } catch (UnreadableDocument e) {
            return new Unreadable(e.getMessage());
        }
    }

    @Override
    public Chunked asGiven(List<String> contents, List<JsonDocument> metadata, JsonDocument sourceMetadata) {
        Map<String, Object> base = object(sourceMetadata);
        List<Draft> drafts = new ArrayList<>(contents.size());
        int start = 0;
        for (int i = 0; i < contents.size(); i++) {
            String content = contents.get(i);
            Map<String, Object> own = new LinkedHashMap<>(object(metadata.get(i)));
            own.put("start", start);
            own.put("end", start + content.length());
            drafts.add(draft(content, base, own));
            start += content.length() + 2;
        }
        return new Chunked(drafts, count(Chunker.joined(contents)));
    }

    private Map<String, Object> object(JsonDocument document) {
        try {
            return json.readValue(document.text(), new TypeReference<TreeMap<String, Object>>() {});
        } catch (Exception e) {
            return Map.of();
        }
    }

    /**
     * The text with every lone surrogate (a JSON {@code \\ud800} escape decodes to one) replaced by
     * U+FFFD, one character for one, so offsets hold: the tokenizer needs well-formed UTF-16 and
     * PostgreSQL stores none other (a ChunkerFuzzTest finding).
     */
    static String wellFormed(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                    ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                    : !Character.isLowSurrogate(c) || (i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
            if (!paired) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = '\uFFFD';
            } else if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return chars == null ? text : new String(chars);
    }

    int count(String text) {
        return encoding.countTokensOrdinary(text);
    }

    private Chunked pack(Extracted doc, Map<String, Object> base) {
        String text = wellFormed(doc.text());
        List<Draft> drafts = new ArrayList<>();
        for (Extracted.Section section : doc.sections()) {
            List<int[]> pieces = new ArrayList<>();
            split(text, section.start(), section.end(), 0, pieces, sizes.targetTokens());
            for (int[] range : packRanges(text, pieces, sizes.targetTokens())) {
                Map<String, Object> meta = new LinkedHashMap<>(section.metadata());
                meta.put("start", range[0]);
                meta.put("end", range[1]);
                drafts.add(draft(text.substring(range[0], range[1]), base, meta));
            }
        }
        return new Chunked(drafts, count(text));
    }

    /** Pieces of the text, each within the target size, on the coarsest boundaries that allow it. */
    private void split(String text, int start, int end, int level, List<int[]> out, int limit) {
        int[] span = trim(text, start, end);
        if (span[0] >= span[1]) {
            return;
        }
        if (count(text.substring(span[0], span[1])) <= limit) {
            out.add(span);
            return;
        }
        if (level == 3) {
            cutBetweenCharacters(text, span[0], span[1], out, limit);
            return;
        }
        int from = span[0];
        for (int i = span[0]; i < span[1]; i++) {
            if (boundaryAt(text, i, span[1], level)) {
                split(text, from, i + 1, level + 1, out, limit);
                from = i + 1;
            }
        }
        split(text, from, span[1], level + 1, out, limit);
    }

    /** Level 0: a blank line (paragraphs); 1: a line end; 2: the end of a sentence; 3 is words. */
    private static boolean boundaryAt(String text, int i, int end, int level) {
        char c = text.charAt(i);
        return switch (level) {
            case 0 -> c == '\n' && i + 1 < end && text.charAt(i + 1) == '\n';
            case 1 -> c == '\n';
            case 2 ->
                (c == '.' || c == '!' || c == '?' || c == '…' || c == ';')
                        && i + 1 < end
                        && Character.isWhitespace(text.charAt(i + 1));
            default -> Character.isWhitespace(c);
        };
    }

    /**
     * Words at level 3: splits at whitespace, and a run without any longer than a chunk between two
     * code points (never inside a surrogate pair).
     */
    private void cutBetweenCharacters(String text, int start, int end, List<int[]> out, int limit) {
        int from = start;
        for (int i = start; i <= end; i++) {
            if (i == end || Character.isWhitespace(text.charAt(i))) {
                if (i > from) {
                    word(text, from, i, out, limit);
                }
                from = i + 1;
            }
        }
    }

    private void word(String text, int start, int end, List<int[]> out, int limit) {
        // about one token per character is the most a tokenizer spends; cut at half the target so a
        // cut word is well within a chunk
        int step = Math.max(1, limit / 2);
        if (end - start <= step) {
            out.add(new int[] {start, end});
            return;
        }
        int from = start;
        while (from < end) {
            int to = Math.min(end, from + step);
            if (to < end && Character.isLowSurrogate(text.charAt(to))) {
                to--;
            }
            out.add(new int[] {from, to});
            from = to;
        }
    }

    /**
     * Greedy: pieces join a chunk while the sum of their counts stays within the target (the chunk
     * is counted once more at the end, and shrunk in the rare case that joining them cost more);
     * the next chunk starts with an overlap.
     */
    private List<int[]> packRanges(String text, List<int[]> pieces, int limit) {
        List<int[]> chunks = new ArrayList<>();
        int[] tokens = new int[pieces.size()];
        for (int k = 0; k < pieces.size(); k++) {
            tokens[k] = count(text.substring(pieces.get(k)[0], pieces.get(k)[1]));
        }
        int i = 0;
        while (i < pieces.size()) {
            int start = pieces.get(i)[0];
            int sum = tokens[i];
            int j = i + 1;
            while (j < pieces.size() && sum + 1 + tokens[j] <= limit) {
                sum += 1 + tokens[j];
                j++;
            }
            while (j - 1 > i && count(text.substring(start, pieces.get(j - 1)[1])) > limit) {
                j--;
            }
            int end = pieces.get(j - 1)[1];
            chunks.add(new int[] {start, end});
            if (j < pieces.size()) {
                int[] next = pieces.get(j);
                int overlap = overlapStart(text, start, end);
                if (overlap > start && overlap < end) {
                    int overlapped = count(text.substring(overlap, next[1]));
                    if (overlapped <= limit) {
                        pieces.set(j, new int[] {overlap, next[1]});
                        tokens[j] = overlapped;
                    }
                }
            }
            i = j;
        }
        return chunks;
    }

    /**
     * Where the next chunk starts so that it repeats the last whole words of this one, up to the
     * overlap; {@code chunkEnd} when no word fits.
     */
    private int overlapStart(String text, int chunkStart, int chunkEnd) {
        if (sizes.overlapTokens() == 0) {
            return chunkEnd;
        }
        int best = chunkEnd;
        int i = chunkEnd;
        while (i > chunkStart) {
            int w = i - 1;
            while (w > chunkStart && !Character.isWhitespace(text.charAt(w - 1))) {
                w--;
            }
            if (count(text.substring(w, chunkEnd)) > sizes.overlapTokens()) {
                break;
            }
            best = w;
            i = w;
            while (i > chunkStart && Character.isWhitespace(text.charAt(i - 1))) {
                i--;
            }
        }
        return best;
    }

    /** Rows with the header on top of each chunk; the row range is 1-based over the data rows. */
    private Chunked csv(String csvText, Map<String, Object> base) {
        String text = wellFormed(csvText);
        List<int[]> rows = csvRows(text);
        List<Draft> drafts = new ArrayList<>();
        if (rows.isEmpty()) {
            return new Chunked(drafts, 0);
        }
        String header = text.substring(rows.get(0)[0], rows.get(0)[1]);
        int headerTokens = count(header + "\n");
        int budget = sizes.targetTokens() - headerTokens;
        if (budget < sizes.targetTokens() / 4) {
            // a header as large as a chunk: the rows are chunked as plain text
            return pack(Readers.plain(text), base);
        }
        int i = 1;
        while (i < rows.size()) {
            int first = i;
            int tokens = count(text.substring(rows.get(i)[0], rows.get(i)[1]));
            int j = i + 1;
            while (j < rows.size()) {
                int next = count("\n" + text.substring(rows.get(j)[0], rows.get(j)[1]));
                if (tokens + next > budget) {
                    break;
                }
                tokens += next;
                j++;
            }
            if (j == first + 1 && tokens > budget) {
                // one row longer than a chunk: its text is split like plain text, under the header
                // (a ChunkerFuzzTest finding: the row became one chunk of any size)
                drafts.addAll(longRow(text, header, first, rows.get(first), budget, base));
                i = j;
                continue;
            }
            int start = rows.get(first)[0];
            int end = rows.get(j - 1)[1];
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("rows", Map.of("first", first, "last", j - 1));
            meta.put("start", start);
            meta.put("end", end);
            drafts.add(draft(header + "\n" + text.substring(start, end), base, meta));
            i = j;
        }
        if (drafts.isEmpty()) {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("start", rows.get(0)[0]);
            meta.put("end", rows.get(0)[1]);
            drafts.add(draft(header, base, meta));
        }
        return new Chunked(drafts, count(text));
    }

    private List<Draft> longRow(
            String text, String header, int row, int[] range, int budget, Map<String, Object> base) {
        List<int[]> pieces = new ArrayList<>();
        // one token of the budget is kept for where the header's line end meets the row's text
        split(text, range[0], range[1], 1, pieces, budget - 1);
        List<Draft> drafts = new ArrayList<>();
        for (int[] piece : packRanges(text, pieces, budget - 1)) {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("rows", Map.of("first", row, "last", row));
            meta.put("start", piece[0]);
            meta.put("end", piece[1]);
            drafts.add(draft(header + "\n" + text.substring(piece[0], piece[1]), base, meta));
        }
        return drafts;
    }

    /** Row ranges (line ends inside quotes belong to the row), blank lines skipped. */
    static List<int[]> csvRows(String text) {
        List<int[]> rows = new ArrayList<>();
        boolean quoted = false;
        int from = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && (!quoted || i == text.length())) {
                int end = i > from && text.charAt(i - 1) == '\r' ? i - 1 : i;
                if (!text.substring(from, end).isBlank()) {
                    rows.add(new int[] {from, end});
                }
                from = i + 1;
            }
        }
        return rows;
    }

    private Draft draft(String content, Map<String, Object> base, Map<String, Object> own) {
        Map<String, Object> meta = new TreeMap<>(base);
        meta.putAll(own);
        try {
            return new Draft(content, count(content), new JsonDocument(json.writeValueAsString(meta)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("chunk metadata is always writable", e);
        }
    }

    private static int[] trim(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new int[] {start, end};
    }
}
