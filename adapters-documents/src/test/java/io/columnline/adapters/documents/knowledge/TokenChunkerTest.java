package io.columnline.adapters.documents.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.columnline.application.knowledge.port.out.Chunker.Chunked;
import io.columnline.application.knowledge.port.out.Chunker.Chunking;
import io.columnline.application.knowledge.port.out.Chunker.Draft;
import io.columnline.application.knowledge.port.out.Chunker.Unreadable;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.SourceType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

class TokenChunkerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonDocument NO_METADATA = JsonDocument.EMPTY_OBJECT;

    private final TokenChunker small = new TokenChunker(new ChunkSizes(64, 8, "cl100k_base"));
    private final TokenChunker standard = new TokenChunker(ChunkSizes.DEFAULT);

    static final String HANDBOOK = """
            # Sales handbook

            Welcome to the team. This handbook says how we sell, to whom, and why.

            ## Prospecting

            We research every company before the first call. A dossier names the decision makers, \
            their priorities for the quarter and the signals that made us call. Nobody calls cold.

            Good prospects have a budget owner who answers within a week. Bad prospects ask for a \
            discount before they have seen a demo. We keep both in the CRM and write down why.

            ### Lists

            Lists are built from the ICP: industry, headcount between 50 and 500, and a region we serve.

            ## Pricing

            Prices are per seat per month. Annual contracts get two months free. Discounts above \
            fifteen percent need the head of sales, in writing, before the quote goes out.
            """;

    static final String PROFILE_RU = """
            ООО «Северный Ветер» — производитель промышленного холодильного оборудования из Санкт-Петербурга. \
            Компания основана в 2004 году и сегодня насчитывает около 320 сотрудников. Основные клиенты — \
            сети супермаркетов, логистические центры и фармацевтические склады.

            В 2025 году выручка выросла на 18 %, прежде всего за счёт контрактов с дистрибьюторами в Казахстане. \
            Генеральный директор — Ирина Соколова; закупками руководит Алексей Ёлкин. Компания ищет \
            поставщиков CRM-систем и решений для аналитики продаж (Sales analytics).

            Ключевые риски: зависимость от импортных компрессоров, рост ставок по кредитам и дефицит инженеров.
            """;

    @Test
    void markdown_is_split_by_headings_with_the_heading_path_and_exact_offsets() throws IOException {
        Chunked chunked = chunked(standard.chunk(SourceType.MARKDOWN, utf8(HANDBOOK), NO_METADATA));

        List<String> paths = new ArrayList<>();
        for (Draft d : chunked.chunks()) {
            JsonNode meta = JSON.readTree(d.metadata().text());
            assertThat(HANDBOOK.substring(
                            meta.get("start").asInt(), meta.get("end").asInt()))
                    .isEqualTo(d.content());
            paths.add(meta.path("heading_path").toString());
            assertThat(d.tokenCount()).isEqualTo(standard.count(d.content()));
        }
        assertThat(paths)
                .containsExactly(
                        "[\"Sales handbook\"]",
                        "[\"Sales handbook\",\"Prospecting\"]",
                        "[\"Sales handbook\",\"Prospecting\",\"Lists\"]",
                        "[\"Sales handbook\",\"Pricing\"]");
        assertThat(chunked.tokenCount()).isEqualTo(standard.count(HANDBOOK));
    }

    @Test
    void a_heading_with_no_text_under_it_is_read_with_the_next_section_not_as_a_chunk_of_its_own() throws IOException {
        String doc = """
                # Guide

                ## Pricing

                ### Discounts

                Volume discounts start at fifty seats.

                ## Empty

                ## Support
                Support answers within a day.

                ## Trailing
                """;
        Chunked chunked = chunked(standard.chunk(SourceType.MARKDOWN, utf8(doc), NO_METADATA));

        List<String> paths = new ArrayList<>();
        for (Draft d : chunked.chunks()) {
            JsonNode meta = JSON.readTree(d.metadata().text());
            assertThat(doc.substring(meta.get("start").asInt(), meta.get("end").asInt()))
                    .isEqualTo(d.content());
            paths.add(meta.path("heading_path").toString());
        }
        assertThat(paths).containsExactly("[\"Guide\",\"Pricing\",\"Discounts\"]", "[\"Guide\",\"Support\"]");
        assertThat(chunked.chunks().get(0).content()).startsWith("# Guide").contains("Volume discounts");
        assertThat(chunked.chunks().get(1).content())
                .startsWith("## Empty")
                .contains("Support answers")
                .endsWith("## Trailing");
    }

    @Test
    void long_sections_are_split_within_the_target_on_word_boundaries_with_an_overlap() throws IOException {
        Chunked chunked = chunked(small.chunk(SourceType.MARKDOWN, utf8(HANDBOOK), NO_METADATA));

        assertThat(chunked.chunks().size()).isGreaterThan(4);
        assertWithinTargetAndWhole(HANDBOOK, chunked, 64);
        boolean overlapped = false;
        for (int i = 1; i < chunked.chunks().size(); i++) {
            JsonNode previous =
                    JSON.readTree(chunked.chunks().get(i - 1).metadata().text());
            JsonNode current = JSON.readTree(chunked.chunks().get(i).metadata().text());
            if (current.get("start").asInt() < previous.get("end").asInt()) {
                overlapped = true;
                assertThat(current.get("heading_path")).isEqualTo(previous.get("heading_path"));
            }
        }
        assertThat(overlapped).as("neighbours in one section share words").isTrue();
    }

    @Test
    void a_russian_company_profile_chunks_as_well_as_english() throws IOException {
        Chunked chunked = chunked(small.chunk(SourceType.TEXT, utf8(PROFILE_RU), NO_METADATA));

        assertThat(chunked.chunks().size()).isGreaterThan(3);
        assertWithinTargetAndWhole(PROFILE_RU, chunked, 64);
        assertThat(String.join(
                        " ", chunked.chunks().stream().map(Draft::content).toList()))
                .contains("Алексей Ёлкин", "Sales analytics", "дефицит инженеров.");
    }

    @Test
    void a_csv_price_list_repeats_its_header_on_every_chunk_with_the_row_range() throws IOException {
        StringBuilder csv = new StringBuilder("sku,name,price_eur\r\n");
        for (int i = 1; i <= 60; i++) {
            csv.append("SKU-")
                    .append(i)
                    .append(",\"Widget, size ")
                    .append(i)
                    .append("\",")
                    .append(i * 3)
                    .append("\r\n");
        }
        csv.append("SKU-61,\"A note\nspanning lines\",5\r\n");
        String text = csv.toString();

        Chunked chunked = chunked(small.chunk(SourceType.CSV, utf8(text), new JsonDocument("{\"list\":\"2026\"}")));

        assertThat(chunked.chunks().size()).isGreaterThan(3);
        int expectedFirst = 1;
        for (Draft d : chunked.chunks()) {
            assertThat(d.content()).startsWith("sku,name,price_eur\n");
            assertThat(d.tokenCount()).isLessThanOrEqualTo(64);
            JsonNode meta = JSON.readTree(d.metadata().text());
            assertThat(meta.get("list").asText()).isEqualTo("2026");
            assertThat(meta.get("rows").get("first").asInt()).isEqualTo(expectedFirst);
            expectedFirst = meta.get("rows").get("last").asInt() + 1;
            assertThat(d.content())
                    .endsWith(text.substring(
                            meta.get("start").asInt(), meta.get("end").asInt()));
        }
        assertThat(expectedFirst).isEqualTo(62);
        assertThat(chunked.chunks().get(chunked.chunks().size() - 1).content()).contains("A note\nspanning lines");
    }

    @Test
    void a_lone_surrogate_from_a_json_escape_becomes_a_replacement_character() {
        // found by ChunkerFuzzTest: the tokenizer asserted "Input is not UTF-8"
        Chunked chunked = chunked(small.chunk(SourceType.JSON, utf8("{\"p\\ud800x\": \"a \\udc00 b\"}"), NO_METADATA));
        assertThat(chunked.chunks()).isNotEmpty();
        assertThat(chunked.chunks().get(0).content()).contains("p\uFFFDx").contains("a \uFFFD b");
        assertThat(TokenChunker.wellFormed("ok \uD83D\uDE00")).isEqualTo("ok \uD83D\uDE00");
    }

    @Test
    void a_csv_row_longer_than_a_chunk_is_split_under_its_header() throws IOException {
        // found by ChunkerFuzzTest: the row became one chunk of twice the target size
        String note = "word ".repeat(150).strip();
        String text = "sku,note\nSKU-1,\"" + note + "\"\nSKU-2,short\n";

        Chunked chunked = chunked(small.chunk(SourceType.CSV, utf8(text), NO_METADATA));

        assertThat(chunked.chunks().size()).isGreaterThan(2);
        for (Draft d : chunked.chunks()) {
            assertThat(d.content()).startsWith("sku,note\n");
            assertThat(d.tokenCount()).isLessThanOrEqualTo(64);
            JsonNode meta = JSON.readTree(d.metadata().text());
            assertThat(d.content())
                    .endsWith(text.substring(
                            meta.get("start").asInt(), meta.get("end").asInt()));
        }
        assertThat(chunked.chunks().get(0).metadata().text()).contains("\"first\":1");
        assertThat(chunked.chunks().get(chunked.chunks().size() - 1).content()).contains("SKU-2,short");
    }

    @Test
    void a_pdf_is_read_page_by_page_with_cyrillic_text_and_page_numbers() throws IOException {
        byte[] pdf = pdf(
                List.of(
                        "Quarterly report of Northern Wind.",
                        "Выручка выросла на восемнадцать процентов.",
                        "Risks: imported compressors."),
                null);

        Chunked chunked = chunked(standard.chunk(SourceType.PDF, pdf, NO_METADATA));

        assertThat(chunked.chunks())
                .extracting(Draft::content)
                .containsExactly(
                        "Quarterly report of Northern Wind.",
                        "Выручка выросла на восемнадцать процентов.",
                        "Risks: imported compressors.");
        assertThat(chunked.chunks())
                .extracting(d -> JSON.readTree(d.metadata().text()).get("page").asInt())
                .containsExactly(1, 2, 3);
    }

    @Test
    void a_pdf_without_text_gives_no_chunks_and_broken_pdfs_give_reasons() throws IOException {
        assertThat(chunked(standard.chunk(SourceType.PDF, pdf(List.of(""), null), NO_METADATA))
                        .chunks())
                .isEmpty();

        byte[] whole = pdf(List.of("Some text on a page."), null);
        assertThat(unreadable(standard.chunk(SourceType.PDF, Arrays.copyOf(whole, whole.length / 3), NO_METADATA)))
                .startsWith("the PDF could not be read");
        assertThat(unreadable(standard.chunk(SourceType.PDF, pdf(List.of("Secret"), "owner-pass"), NO_METADATA)))
                .isEqualTo("the PDF is encrypted: remove its password and send it again");
        assertThat(unreadable(standard.chunk(SourceType.PDF, utf8("not a pdf at all"), NO_METADATA)))
                .startsWith("the PDF could not be read");
    }

    @Test
    void a_megabyte_single_line_is_chunked_whole_within_the_target() {
        // 1 MiB, not the 10: 10 MiB took 302 s here on a loaded machine (see the closing note)
        StringBuilder words = new StringBuilder(1024 * 1024 + 16);
        for (int i = 0; words.length() < 1024 * 1024; i++) {
            words.append("word").append(i % 997).append(' ');
        }
        String line = words.toString().strip();

        Chunked chunked = chunked(standard.chunk(SourceType.TEXT, utf8(line), NO_METADATA));

        assertThat(chunked.chunks().size()).isGreaterThan(100);
        assertThat(chunked.chunks()).allSatisfy(d -> assertThat(d.tokenCount()).isLessThanOrEqualTo(512));
        assertThat(chunked.chunks().get(chunked.chunks().size() - 1).content())
                .endsWith(line.substring(line.length() - 20));
    }

    @Test
    void invalid_utf8_names_the_byte_where_it_breaks() {
        byte[] bytes = {'a', 'b', 'c', (byte) 0xC3, '(', 'd'};

        assertThat(unreadable(standard.chunk(SourceType.TEXT, bytes, NO_METADATA)))
                .startsWith("the file is not valid UTF-8 at byte 3");
    }

    @Test
    void json_is_split_by_top_level_members_and_deep_nesting_is_refused_with_a_reason() throws IOException {
        String payload =
                "{\"company\":{\"name\":\"Acme\",\"employees\":120},\"news\":[\"raised a round\"],\"note\":\"hi\"}";

        Chunked chunked = chunked(standard.chunk(SourceType.JSON, utf8(payload), NO_METADATA));

        assertThat(chunked.chunks())
                .extracting(d ->
                        JSON.readTree(d.metadata().text()).get("json_member").asText())
                .containsExactly("company", "news", "note");
        assertThat(chunked.chunks().get(0).content()).startsWith("company: {").contains("\"Acme\"");
        assertThat(chunked.chunks().get(2).content()).isEqualTo("note: hi");

        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThat(unreadable(standard.chunk(SourceType.JSON, utf8(deep), NO_METADATA)))
                .startsWith("the JSON is not valid");
        assertThat(unreadable(standard.chunk(SourceType.JSON, utf8("{\"a\":"), NO_METADATA)))
                .startsWith("the JSON is not valid");
    }

    @Test
    void a_ten_megabyte_single_line_is_chunked_within_the_target() {
        StringBuilder line = new StringBuilder(10 * 1024 * 1024);
        String[] words = {"alpha", "беta", "gamma", "дельта", "epsilon"};
        for (int i = 0; line.length() < 10 * 1024 * 1024; i++) {
            line.append(words[i % words.length]).append(i % 7 == 0 ? ", " : " ");
        }
        line.append("x".repeat(5000));
        String text = line.toString();

        Chunked chunked = chunked(standard.chunk(SourceType.TEXT, utf8(text), NO_METADATA));

        assertThat(chunked.chunks().size()).isGreaterThan(100);
        assertThat(chunked.chunks()).allSatisfy(d -> assertThat(d.tokenCount()).isLessThanOrEqualTo(512));
    }

    private static void assertWithinTargetAndWhole(String text, Chunked chunked, int target) throws IOException {
        for (Draft d : chunked.chunks()) {
            JsonNode meta = JSON.readTree(d.metadata().text());
            int start = meta.get("start").asInt();
            int end = meta.get("end").asInt();
            assertThat(text.substring(start, end)).isEqualTo(d.content());
            assertThat(d.tokenCount()).isLessThanOrEqualTo(target);
            assertThat(start == 0 || Character.isWhitespace(text.charAt(start - 1)))
                    .as("chunk at %d starts on a word", start)
                    .isTrue();
            assertThat(end == text.length() || Character.isWhitespace(text.charAt(end)))
                    .as("chunk ending at %d ends on a word", end)
                    .isTrue();
        }
    }

    /**
     * PDFBox's standard 14 fonts cannot draw Cyrillic; Debian's fonts-dejavu-core (which .ci/run
     * installs when it is missing) has a free font that can.
     */
    static final Path DEJAVU_SANS = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    static byte[] pdf(List<String> pages, String ownerPassword) throws IOException {
        try (PDDocument document = new PDDocument();
                InputStream font = Files.newInputStream(DEJAVU_SANS)) {
            PDType0Font dejaVu = PDType0Font.load(document, font);
            for (String text : pages) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    if (!text.isEmpty()) {
                        content.beginText();
                        content.setFont(dejaVu, 12);
                        content.newLineAtOffset(72, 700);
                        content.showText(text);
                        content.endText();
                    }
                }
            }
            if (ownerPassword != null) {
                StandardProtectionPolicy policy =
                        new StandardProtectionPolicy(ownerPassword, "user-pass", new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Chunked chunked(Chunking chunking) {
        assertThat(chunking).isInstanceOf(Chunked.class);
        return (Chunked) chunking;
    }

    private static String unreadable(Chunking chunking) {
        assertThat(chunking).isInstanceOf(Unreadable.class);
        return ((Unreadable) chunking).reason();
    }
}
