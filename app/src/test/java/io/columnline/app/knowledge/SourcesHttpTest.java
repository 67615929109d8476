package io.columnline.app.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.app.TestApp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 12's context sources over real HTTP: the whole Dagger graph, PostgreSQL, the background workers. */
class SourcesHttpTest {
    @RegisterExtension
    static final TestApp APP = new TestApp().with("COLUMNLINE_MAX_SOURCE_BYTES", "65536");

    static String acme;
    static String other;

    @BeforeAll
    static void clients() {
        acme = APP.clientWithKey("acme-sources");
        other = APP.clientWithKey("other-sources");
    }

    static TestApp.Reply upload(String key, String query, String contentType, byte[] body) {
        return APP.send(APP.request("/api/v1/sources" + query, key)
                .setHeader("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    static TestApp.Reply upload(String key, String query, String contentType, String body) {
        return upload(key, query, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static List<JsonNode> chunks(String key, String id) {
        TestApp.Reply reply = APP.get("/api/v1/sources/" + id + "/chunks?limit=500", key);
        assertThat(reply.status()).isEqualTo(200);
        List<JsonNode> all = new ArrayList<>();
        reply.json().get("data").forEach(all::add);
        return all;
    }

    /** The vectors PostgreSQL holds for a source's chunks, as "model dimension" in chunk order. */
    static List<String> vectors(String sourceId) throws java.sql.SQLException {
        try (var connection = java.sql.DriverManager.getConnection(APP.databaseUrl());
                var query = connection.prepareStatement("""
                        SELECT e.model, e.dimension, cardinality(e.embedding) AS length FROM chunk_embeddings e
                        JOIN source_chunks c ON c.id = e.chunk_id WHERE c.source_id = ?::uuid ORDER BY c.chunk_index
                        """)) {
            query.setString(1, sourceId);
            List<String> found = new ArrayList<>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    assertThat(rows.getInt("length")).isEqualTo(rows.getInt("dimension"));
                    found.add(rows.getString("model") + " " + rows.getInt("dimension"));
                }
            }
            return found;
        }
    }

    @Test
    void markdown_waited_for_is_ready_with_chunks_and_its_bytes_come_back_unchanged() throws Exception {
        String handbook = "# Handbook\n\nWe sell to mid-sized firms.\n\n## Pricing\n\nPer seat, per month.\n";
        TestApp.Reply added =
                upload(acme, "?wait=20&metadata=%7B%22team%22%3A%22sales%22%7D", "text/markdown", handbook);

        assertThat(added.status()).as(added.body()).isEqualTo(200);
        JsonNode source = added.json();
        assertThat(source.get("status").asText()).isEqualTo("ready");
        assertThat(source.get("type").asText()).isEqualTo("markdown");
        assertThat(source.get("chunk_count").asInt()).isEqualTo(2);
        assertThat(source.get("token_count").asInt()).isPositive();
        String id = source.get("id").asText();
        List<JsonNode> chunks = chunks(acme, id);
        assertThat(chunks)
                .extracting(c -> c.get("metadata").get("heading_path").toString())
                .containsExactly("[\"Handbook\"]", "[\"Handbook\",\"Pricing\"]");
        assertThat(chunks)
                .allSatisfy(
                        c -> assertThat(c.get("metadata").get("team").asText()).isEqualTo("sales"));

        HttpResponse<byte[]> content = java.net.http.HttpClient.newHttpClient()
                .send(
                        APP.request("/api/v1/sources/" + id + "/content", acme)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.headers().firstValue("Content-Type")).contains("text/markdown");
        assertThat(content.body()).isEqualTo(handbook.getBytes(StandardCharsets.UTF_8));

        TestApp.Reply again = upload(acme, "", "text/markdown", handbook);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asText()).isEqualTo(id);
    }

    @Test
    void a_pdf_csv_and_the_json_form_are_processed_in_the_background() throws Exception {
        TestApp.Reply pdf =
                upload(acme, "?name=report.pdf", "application/pdf", pdf("First page text.", "Second page text."));
        assertThat(pdf.status()).as(pdf.body()).isIn(200, 202);
        TestApp.Reply csv = upload(acme, "?type=spreadsheet", "text/csv; charset=utf-8", "sku,price\nA,1\nB,2\n");
        TestApp.Reply form = upload(
                acme,
                "",
                "application/json",
                "{\"name\":\"Call notes\",\"type\":\"text\",\"key\":\"notes\",\"content\":\"Они хотят CRM.\",\"metadata\":{\"call\":1}}");
        TestApp.Reply payload =
                upload(acme, "?wait=20", "application/json", "{\"company\":{\"name\":\"Acme\"},\"rank\":3}");

        JsonNode readyPdf = waitReady(pdf.json().get("id").asText());
        assertThat(readyPdf.get("name").asText()).isEqualTo("report.pdf");
        assertThat(chunks(acme, readyPdf.get("id").asText()))
                .extracting(c -> c.get("metadata").get("page").asInt() + ":"
                        + c.get("content").asText())
                .containsExactly("1:First page text.", "2:Second page text.");
        JsonNode readyCsv = waitReady(csv.json().get("id").asText());
        assertThat(readyCsv.get("type").asText()).isEqualTo("csv");
        assertThat(chunks(acme, readyCsv.get("id").asText())
                        .get(0)
                        .get("content")
                        .asText())
                .isEqualTo("sku,price\nA,1\nB,2");
        JsonNode readyForm = waitReady(form.json().get("id").asText());
        assertThat(readyForm.get("type").asText()).isEqualTo("text");
        assertThat(readyForm.get("key").asText()).isEqualTo("notes");
        assertThat(readyForm.get("metadata").get("call").asInt()).isEqualTo(1);
        assertThat(chunks(acme, readyForm.get("id").asText())
                        .get(0)
                        .get("content")
                        .asText())
                .isEqualTo("Они хотят CRM.");
        assertThat(payload.json().get("type").asText()).isEqualTo("json");
        assertThat(chunks(acme, payload.json().get("id").asText()))
                .extracting(c -> c.get("metadata").get("json_member").asText())
                .containsExactly("company", "rank");

        TestApp.Reply listed = APP.get("/api/v1/sources?type=pdf", acme);
        assertThat(listed.json().get("data"))
                .extracting(s -> s.get("id").asText())
                .contains(readyPdf.get("id").asText());
        assertThat(APP.get("/api/v1/sources?type=pdf", other).json().get("data"))
                .isEmpty();
    }

    @Test
    void new_bytes_under_a_key_replace_the_old_version_and_delete_removes_a_source() throws Exception {
        String v1 = upload(acme, "?key=profile&wait=20", "text/plain", "Old profile text.")
                .json()
                .get("id")
                .asText();
        TestApp.Reply second = upload(acme, "?key=profile&wait=20", "text/plain", "New profile text.");

        assertThat(second.json().get("version").asInt()).isEqualTo(2);
        assertThat(second.json().get("status").asText()).isEqualTo("ready");
        String v2 = second.json().get("id").asText();
        assertThat(APP.get("/api/v1/sources/" + v1, acme).status()).isEqualTo(404);
        assertThat(APP.get("/api/v1/sources?key=profile", acme).json().get("data"))
                .extracting(s -> s.get("id").asText())
                .containsExactly(v2);
        assertThat(chunks(acme, v2)).extracting(c -> c.get("content").asText()).containsExactly("New profile text.");
        assertThat(vectors(v1)).isEmpty();
        assertThat(vectors(v2)).hasSize(1);

        assertThat(APP.get("/api/v1/sources/" + v2, other).status()).isEqualTo(404);
        assertThat(APP.delete("/api/v1/sources/" + v2, other).status()).isEqualTo(404);
        assertThat(APP.delete("/api/v1/sources/" + v2, acme).status()).isEqualTo(204);
        assertThat(APP.get("/api/v1/sources/" + v2, acme).status()).isEqualTo(404);
        assertThat(vectors(v2)).isEmpty();
        assertThat(APP.get("/api/v1/sources/" + v2 + "/chunks", acme).status()).isEqualTo(404);
        assertThat(APP.get("/api/v1/sources/not-a-uuid", acme).status()).isEqualTo(404);
    }

    @Test
    void bad_input_is_answered_with_problems_and_writes_nothing() {
        int before =
                APP.get("/api/v1/sources?limit=500", acme).json().get("data").size();

        TestApp.Reply word = upload(acme, "", "application/msword", "binary");
        assertThat(word.status()).isEqualTo(415);
        assertThat(word.isProblem()).isTrue();
        assertThat(word.json().get("detail").asText())
                .contains("text/plain", "text/markdown", "text/csv", "application/pdf", "application/json");
        TestApp.Reply empty = upload(acme, "", "text/plain", "");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.isProblem()).isTrue();
        byte[] large = new byte[70_000];
        Arrays.fill(large, (byte) 'a');
        TestApp.Reply tooLarge = upload(acme, "", "text/plain", large);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.isProblem()).isTrue();
        assertThat(upload(acme, "?wait=31", "text/plain", "x").status()).isEqualTo(422);
        assertThat(upload(acme, "?type=docx", "text/plain", "x").status()).isEqualTo(422);
        assertThat(upload(acme, "?metadata=%5B1%5D", "text/plain", "x").status())
                .isEqualTo(422);
        assertThat(upload(acme, "?metadata=%7Bnot", "text/plain", "x").status()).isEqualTo(422);
        assertThat(upload(acme, "?client=other-sources", "text/plain", "x").status())
                .isEqualTo(404);
        assertThat(upload(TestApp.ADMIN_KEY, "", "text/plain", "x").status()).isEqualTo(422);
        assertThat(APP.get("/api/v1/sources?status=done", acme).status()).isEqualTo(422);

        assertThat(APP.get("/api/v1/sources?limit=500", acme).json().get("data").size())
                .isEqualTo(before);
    }

    @Test
    void chunks_a_pipeline_embedded_itself_are_stored_as_sent_with_their_model() throws Exception {
        String body = """
                {"key": "crm/acme-notes", "name": "Acme notes", "metadata": {"team": "sales"},
                 "embedding_model": "pipeline-embed-3",
                 "chunks": [
                   {"content": "Acme renews in March.", "embedding": [0.6, 0.8, 0.0], "metadata": {"page": 1}},
                   {"content": "Their CFO is Dana Kim.", "embedding": [0, 3, 4]}
                 ]}
                """;
        TestApp.Reply added = upload(acme, "?wait=20", "application/json", body);

        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().get("status").asText()).isEqualTo("ready");
        assertThat(added.json().get("type").asText()).isEqualTo("text");
        assertThat(added.json().get("chunk_count").asInt()).isEqualTo(2);
        String id = added.json().get("id").asText();
        List<JsonNode> stored = chunks(acme, id);
        assertThat(stored)
                .extracting(c -> c.get("content").asText())
                .containsExactly("Acme renews in March.", "Their CFO is Dana Kim.");
        assertThat(stored.get(0).get("metadata").get("page").asInt()).isEqualTo(1);
        assertThat(stored.get(1).get("metadata").get("team").asText()).isEqualTo("sales");
        assertThat(vectors(id)).containsExactly("pipeline-embed-3 3", "pipeline-embed-3 3");
        try (var connection = java.sql.DriverManager.getConnection(APP.databaseUrl());
                var query = connection.prepareStatement("""
                        SELECT e.embedding::text FROM chunk_embeddings e JOIN source_chunks c ON c.id = e.chunk_id
                        WHERE c.source_id = ?::uuid ORDER BY c.chunk_index
                        """)) {
            query.setString(1, id);
            try (var rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("{0.6,0.8,0}");
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).as("as sent, not normalised").isEqualTo("{0,3,4}");
            }
        }
        assertThat(APP.get("/api/v1/sources/" + id + "/content", acme).body())
                .isEqualTo("Acme renews in March.\n\nTheir CFO is Dana Kim.");
        assertThat(upload(acme, "?wait=20", "application/json", body)
                        .json()
                        .get("id")
                        .asText())
                .as("the same chunks again are the same source")
                .isEqualTo(id);
    }

    @Test
    void embedded_chunks_of_a_wrong_dimension_or_with_non_finite_numbers_are_refused_and_nothing_is_written()
            throws Exception {
        String known = upload(acme, "?wait=20", "application/json", """
                        {"embedding_model": "pipeline-embed-2", "chunks": [{"content": "Known.", "embedding": [1, 0]}]}
                        """)
                .json()
                .get("id")
                .asText();
        assertThat(vectors(known)).containsExactly("pipeline-embed-2 2");
        int before =
                APP.get("/api/v1/sources?limit=500", acme).json().get("data").size();

        List<String> refused = List.of(
                // the second vector is shorter than the first
                """
                {"embedding_model": "m-new", "chunks": [{"content": "a", "embedding": [1, 2, 3]},
                  {"content": "b", "embedding": [1, 2]}]}""",
                // the client's pipeline-embed-2 vectors have 2 dimensions
                """
                {"embedding_model": "pipeline-embed-2", "chunks": [{"content": "c", "embedding": [1, 2, 3]}]}""",
                // the server's own model has 384
                """
                {"embedding_model": "all-minilm-l6-v2-q", "chunks": [{"content": "d", "embedding": [1, 2, 3]}]}""",
                // beyond a 32-bit float: infinite
                """
                {"embedding_model": "m-new", "chunks": [{"content": "e", "embedding": [1e39, 0]}]}""",
                """
                {"embedding_model": "m-new", "chunks": [{"content": "f", "embedding": ["NaN", 0]}]}""",
                """
                {"embedding_model": "m-new", "chunks": [{"content": "g", "embedding": []}]}""",
                """
                {"embedding_model": "m-new", "chunks": []}""",
                """
                {"embedding_model": "", "chunks": [{"content": "h", "embedding": [1]}]}""",
                """
                {"embedding_model": "m-new", "chunks": [{"content": " ", "embedding": [1]}]}""",
                """
                {"embedding_model": "m-new", "chunks": [{"text": "i", "embedding": [1]}]}""",
                """
                {"embedding_model": "m-new", "vectors": [], "chunks": [{"content": "j", "embedding": [1]}]}""");
        for (String body : refused) {
            TestApp.Reply reply = upload(acme, "?wait=5", "application/json", body);
            assertThat(reply.status()).as(body + " -> " + reply.body()).isEqualTo(422);
            assertThat(reply.isProblem()).isTrue();
        }
        TestApp.Reply wrong = upload(acme, "", "application/json", refused.get(1));
        assertThat(wrong.body()).contains("chunks[0].embedding").contains("pipeline-embed-2 vectors have 2 dimensions");

        assertThat(APP.get("/api/v1/sources?limit=500", acme).json().get("data").size())
                .isEqualTo(before);
        assertThat(upload(other, "", "application/json", """
                        {"client": "acme-sources", "embedding_model": "m", "chunks": [{"content": "k", "embedding": [1]}]}
                        """).status()).isEqualTo(404);
    }

    @Test
    void unreadable_documents_end_in_error_with_a_reason_never_a_server_error() throws Exception {
        byte[] whole = pdf("Some text.");
        TestApp.Reply truncated = upload(acme, "?wait=20", "application/pdf", Arrays.copyOf(whole, whole.length / 2));
        TestApp.Reply noText = upload(acme, "?wait=20", "application/pdf", pdf(""));
        TestApp.Reply latin1 = upload(acme, "?wait=20", "text/plain", new byte[] {'o', 'k', (byte) 0xE9, 't', 'e'});
        TestApp.Reply ragged = upload(acme, "?wait=20", "text/csv", "a,b,c\n1\n1,2,3,4,5\n\"open");
        TestApp.Reply deep = upload(acme, "?wait=20", "application/json", "[".repeat(3000) + "]".repeat(3000));
        TestApp.Reply encrypted = upload(acme, "?wait=20", "application/pdf", encryptedPdf("Secret plans."));
        // one line, no newline, as large as this server takes (64 KiB); 10 MiB is left to the chunker's test
        StringBuilder words = new StringBuilder();
        for (int i = 0; words.length() < 60_000; i++) {
            words.append("signal").append(i).append(' ');
        }
        TestApp.Reply oneLine = upload(acme, "?wait=30", "text/plain", words.toString());
        TestApp.Reply binary = upload(acme, "?wait=20", "text/csv", new byte[] {0, (byte) 0xFF, (byte) 0xFE, 1, 2});

        assertThat(truncated.json().get("status").asText()).isEqualTo("error");
        assertThat(truncated.json().get("error").asText()).startsWith("the PDF could not be read");
        assertThat(noText.json().get("error").asText()).startsWith("no text found (a scanned PDF?");
        assertThat(latin1.json().get("error").asText()).startsWith("the file is not valid UTF-8 at byte 2");
        assertThat(ragged.json().get("status").asText()).isEqualTo("ready");
        assertThat(deep.json().get("status").asText()).isEqualTo("error");
        assertThat(deep.json().get("error").asText()).startsWith("the JSON is not valid");
        assertThat(encrypted.json().get("status").asText()).isEqualTo("error");
        assertThat(encrypted.json().get("error").asText())
                .isEqualTo("the PDF is encrypted: remove its password and send it again");
        assertThat(oneLine.json().get("status").asText()).as(oneLine.body()).isEqualTo("ready");
        assertThat(oneLine.json().get("chunk_count").asInt()).isGreaterThan(1);
        assertThat(binary.json().get("status").asText()).isEqualTo("error");
        assertThat(binary.json().get("error").asText()).startsWith("the file is not valid UTF-8 at byte 1");
        for (TestApp.Reply reply : List.of(truncated, noText, latin1, ragged, deep, encrypted, oneLine, binary)) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        }
        assertThat(APP.get("/api/v1/sources?status=processing&limit=500", acme)
                        .json()
                        .get("data"))
                .as("no source is left processing")
                .isEmpty();

        TestApp.Reply after = upload(acme, "?wait=20", "text/plain", "The workers still take jobs.");
        assertThat(after.json().get("status").asText()).isEqualTo("ready");
    }

    private static JsonNode waitReady(String id) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            JsonNode source = APP.get("/api/v1/sources/" + id, acme).json();
            if (!source.get("status").asText().equals("pending")
                    && !source.get("status").asText().equals("processing")) {
                assertThat(source.get("status").asText()).as(source.toString()).isEqualTo("ready");
                return source;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("source " + id + " did not settle");
    }

    static byte[] encryptedPdf(String text) throws IOException {
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf(text))) {
            var policy = new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy(
                    "owner-secret", "user-secret", new org.apache.pdfbox.pdmodel.encryption.AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    static byte[] pdf(String... pages) throws IOException {
        try (PDDocument document = new PDDocument()) {
            for (String text : pages) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    if (!text.isEmpty()) {
                        content.beginText();
                        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                        content.newLineAtOffset(72, 700);
                        content.showText(text);
                        content.endText();
                    }
                }
            }
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
