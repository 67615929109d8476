package io.columnline.app.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.columnline.app.TestApp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The judged set of {@code knowledge/judged} (52 short documents, English and Russian, and 41
 * queries with the documents that answer them, judged by hand): hybrid search finds at least as many
 * relevant documents in its top 5 as either search alone. bench/knowledge/QualityBench prints
 * nDCG@10 and recall@10 of each mode on the same set.
 */
class RetrievalQualityTest {
    @RegisterExtension
    static final TestApp APP = new TestApp();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> DOCUMENT_OF_SOURCE = new HashMap<>();
    private static String key;

    record Judged(String query, Set<String> relevant) {}

    static List<JsonNode> lines(String resource) {
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(RetrievalQualityTest.class.getResourceAsStream(resource)),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    @BeforeAll
    static void documents() throws InterruptedException {
        key = APP.clientWithKey("judged");
        List<String> ids = new ArrayList<>();
        for (JsonNode doc : lines("/knowledge/judged/documents.jsonl")) {
            ObjectNode body = JSON.createObjectNode()
                    .put("key", doc.get("id").asText())
                    .put("name", doc.get("id").asText())
                    .put("type", "text")
                    .put("content", doc.get("text").asText());
            body.putObject("metadata").put("lang", doc.get("lang").asText());
            TestApp.Reply added = APP.post("/api/v1/sources", key, body.toString());
            assertThat(added.status()).as(added.body()).isIn(200, 202);
            String id = added.json().get("id").asText();
            DOCUMENT_OF_SOURCE.put(id, doc.get("id").asText());
            ids.add(id);
        }
        for (String id : ids) {
            for (int i = 0;
                    i < 600
                            && !APP.get("/api/v1/sources/" + id, key)
                                    .json()
                                    .get("status")
                                    .asText()
                                    .equals("ready");
                    i++) {
                Thread.sleep(50);
            }
        }
    }

    private static int relevantInTop5(String mode, Judged judged) {
        TestApp.Reply reply = APP.post(
                "/api/v1/search",
                key,
                JSON.createObjectNode()
                        .put("query", judged.query())
                        .put("mode", mode)
                        .put("limit", 5)
                        .toString());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Set<String> found = new LinkedHashSet<>();
        reply.json()
                .get("data")
                .forEach(
                        r -> found.add(DOCUMENT_OF_SOURCE.get(r.get("source_id").asText())));
        found.retainAll(judged.relevant());
        return found.size();
    }

    @Test
    void hybrid_finds_at_least_as_many_relevant_documents_in_its_top_5_as_either_search_alone() {
        List<Judged> judged = lines("/knowledge/judged/queries.jsonl").stream()
                .map(q -> {
                    Set<String> relevant = new LinkedHashSet<>();
                    q.get("relevant").forEach(r -> relevant.add(r.asText()));
                    return new Judged(q.get("query").asText(), relevant);
                })
                .toList();
        assertThat(judged).hasSizeGreaterThanOrEqualTo(30);
        assertThat(DOCUMENT_OF_SOURCE).hasSizeGreaterThanOrEqualTo(50);
        Map<String, Integer> found = new HashMap<>();
        for (String mode : List.of("lexical", "vector", "hybrid")) {
            found.put(
                    mode, judged.stream().mapToInt(j -> relevantInTop5(mode, j)).sum());
        }
        int relevant = judged.stream().mapToInt(j -> j.relevant().size()).sum();
        System.out.printf("relevant documents in the top 5 (of %d): %s%n", relevant, found);
        assertThat(found.get("hybrid")).isGreaterThanOrEqualTo(found.get("lexical"));
        assertThat(found.get("hybrid")).isGreaterThanOrEqualTo(found.get("vector"));
        assertThat(found.get("hybrid")).isGreaterThan(relevant / 2);
    }
}
