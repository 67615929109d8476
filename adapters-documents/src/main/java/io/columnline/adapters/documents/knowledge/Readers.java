package io.columnline.adapters.documents.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/** Turns the bytes of each kind of document into text and its sections. */
final class Readers {
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})[ \\t]+(.+?)[ \\t#]*$", Pattern.MULTILINE);
    private static final Pattern FENCE = Pattern.compile("^(```|~~~)", Pattern.MULTILINE);

    private Readers() {}

    /** Strict UTF-8 (a leading byte order mark is dropped); the first bad byte is named. */
    static String utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new UnreadableDocument("the file is not valid UTF-8 at byte " + in.position()
                    + ": save it as UTF-8 (or send it as application/pdf if it is a PDF)");
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static Extracted plain(String text) {
        return new Extracted(text, List.of(new Extracted.Section(0, text.length(), Map.of())));
    }

    /**
     * One section per heading (and one for any text before the first), with the heading path. A
     * heading with no text under it before the next heading is not a section of its own: it is read
     * with the next one (whose heading path already names it when it is nested), and at the end of
     * the document with the section before it.
     */
    static Extracted markdown(String text) {
        List<int[]> fences = fencedBlocks(text);
        List<Extracted.Section> sections = new ArrayList<>();
        List<String> path = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        int sectionStart = 0;
        int headingEnd = -1;
        int foldedStart = -1;
        List<String> sectionPath = List.of();
        Matcher m = HEADING.matcher(text);
        while (m.find()) {
            if (insideAny(fences, m.start())) {
                continue;
            }
            if (headingEnd >= 0 && text.substring(headingEnd, m.start()).isBlank()) {
                if (foldedStart < 0) {
                    foldedStart = sectionStart;
                }
            } else if (m.start() > sectionStart) {
                sections.add(section(foldedStart < 0 ? sectionStart : foldedStart, m.start(), sectionPath));
                foldedStart = -1;
            }
            headingEnd = m.end();
            int level = m.group(1).length();
            while (!levels.isEmpty() && levels.get(levels.size() - 1) >= level) {
                levels.remove(levels.size() - 1);
                path.remove(path.size() - 1);
            }
            levels.add(level);
            path.add(m.group(2).strip());
            sectionStart = m.start();
            sectionPath = List.copyOf(path);
        }
        int start = foldedStart < 0 ? sectionStart : foldedStart;
        if (headingEnd >= 0 && text.substring(headingEnd).isBlank() && !sections.isEmpty()) {
            Extracted.Section last = sections.remove(sections.size() - 1);
            sections.add(new Extracted.Section(last.start(), text.length(), last.metadata()));
        } else if (text.length() > start) {
            sections.add(section(start, text.length(), sectionPath));
        }
        return new Extracted(text, sections);
    }

    private static Extracted.Section section(int start, int end, List<String> path) {
        return new Extracted.Section(start, end, path.isEmpty() ? Map.of() : Map.of("heading_path", path));
    }

    private static List<int[]> fencedBlocks(String text) {
        List<int[]> blocks = new ArrayList<>();
        Matcher m = FENCE.matcher(text);
        int open = -1;
        while (m.find()) {
            if (open < 0) {
                open = m.start();
            } else {
                blocks.add(new int[] {open, m.end()});
                open = -1;
            }
        }
        if (open >= 0) {
            blocks.add(new int[] {open, text.length()});
        }
        return blocks;
    }

    private static boolean insideAny(List<int[]> blocks, int position) {
        for (int[] b : blocks) {
            if (position > b[0] && position < b[1]) {
                return true;
            }
        }
        return false;
    }

    /** A section per top-level member of an object (or element of an array), pretty-printed. */
    static Extracted json(byte[] bytes, ObjectMapper mapper) {
        String raw = utf8(bytes);
        JsonNode root;
        try {
            root = mapper.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new UnreadableDocument("the JSON is not valid: " + e.getOriginalMessage()
                    + (e.getLocation() == null
                            ? ""
                            : " (line " + e.getLocation().getLineNr() + ", column "
                                    + e.getLocation().getColumnNr() + ")"));
        }
        if (root == null || root.isMissingNode()) {
            return plain("");
        }
        StringBuilder text = new StringBuilder();
        List<Extracted.Section> sections = new ArrayList<>();
        try {
            if (root.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    append(
                            text,
                            sections,
                            field.getKey() + ": " + pretty(mapper, field.getValue()),
                            Map.of("json_member", field.getKey()));
                }
            } else if (root.isArray()) {
                for (int i = 0; i < root.size(); i++) {
                    append(text, sections, pretty(mapper, root.get(i)), Map.of("json_index", i));
                }
            } else {
                append(text, sections, root.isTextual() ? root.asText() : root.toString(), Map.of());
            }
        } catch (JsonProcessingException e) {
            throw new UnreadableDocument("the JSON could not be read: " + e.getOriginalMessage());
        }
        return new Extracted(text.toString(), sections);
    }

    private static String pretty(ObjectMapper mapper, JsonNode value) throws JsonProcessingException {
        return value.isTextual()
                ? value.asText()
                : mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }

    private static void append(
            StringBuilder text, List<Extracted.Section> sections, String part, Map<String, Object> meta) {
        if (!text.isEmpty()) {
            text.append("\n\n");
        }
        int start = text.length();
        text.append(part);
        sections.add(new Extracted.Section(start, text.length(), meta));
    }

    /** A section per page, with its 1-based page number. */
    static Extracted pdf(byte[] bytes) {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
                throw new UnreadableDocument(
                        "the PDF does not permit copying its text: save it without that restriction");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            StringBuilder text = new StringBuilder();
            List<Extracted.Section> sections = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String pageText = stripper.getText(document).strip();
                if (!pageText.isEmpty()) {
                    Map<String, Object> meta = new LinkedHashMap<>();
                    meta.put("page", page);
                    append(text, sections, pageText, meta);
                }
            }
            return new Extracted(text.toString(), sections);
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocument("the PDF is encrypted: remove its password and send it again");
        } catch (IOException e) {
            throw new UnreadableDocument("the PDF could not be read (" + e.getMessage()
                    + "): is the file complete? Send it again, or save it anew from its program");
        }
    }
}
