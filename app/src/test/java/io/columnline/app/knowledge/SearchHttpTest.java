package io.columnline.app.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.app.TestApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Search over real HTTP on the embedded model: four kinds of sources, filters, a new version, a
 * deletion, and restarts with the index kept and with it removed (rebuilt from PostgreSQL).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchHttpTest {
    @RegisterExtension
    static final TestApp APP = new TestApp();

    static String acme;
    static String globex;
    static String handbookId;
    static String priceListId;
    static String profileId;

    static final String HANDBOOK = """
            # Northwind handbook

            ## Shipping

            Northwind ships pallets of espresso machines to Oslo every Tuesday. Orders placed after noon
            leave the warehouse the following week.

            ## Returns

            Customers may return a machine within thirty days for a full refund.
            """;

    static final String PROFILE = """
            Компания «Газпромнефть-Снабжение» поставляет смазочные материалы заводам в Казани.
            Договор с ней продлён до 2027 года, её менеджер отвечает на письма в течение суток.
            """;

    @BeforeAll
    static void sources() {
        acme = APP.clientWithKey("acme-search");
        globex = APP.clientWithKey("globex-search");
        handbookId = ready(acme, "?key=handbook&name=Handbook", "text/markdown", HANDBOOK);
        profileId = ready(
                acme,
                "?key=profile&metadata=" + URLEncoder.encode("{\"lang\":\"ru\"}", StandardCharsets.UTF_8),
                "text/plain",
                PROFILE);
        priceListId = ready(
                acme,
                "?key=prices",
                "text/csv",
                "sku,product,price\nA-1,Turbo blender,129\nA-2,Quiet kettle for offices,49\n");
        ready(
                acme,
                "?key=globex-payload",
                "application/json",
                "{\"company\":\"Initech\",\"founded\":1989,\"products\":[\"staplers\",\"printers\"]}");
        ready(globex, "?key=their-handbook", "text/markdown", "# Globex\n\nGlobex ships espresso machines too.");
    }

    static String ready(String key, String query, String contentType, String body) {
        TestApp.Reply reply =
                APP.send(APP.request("/api/v1/sources" + query + (query.isEmpty() ? "?" : "&") + "wait=30", key)
                        .setHeader("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
        assertThat(reply.json().path("status").asText()).as(reply.body()).isEqualTo("ready");
        return reply.json().get("id").asText();
    }

    static List<JsonNode> search(String key, String body) {
        TestApp.Reply reply = APP.post("/api/v1/search", key, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("took_ms").isIntegralNumber()).isTrue();
        List<JsonNode> results = new ArrayList<>();
        reply.json().get("data").forEach(results::add);
        return results;
    }

    static List<String> sourcesOf(List<JsonNode> results) {
        return results.stream().map(r -> r.get("source_id").asText()).distinct().toList();
    }

    @Test
    @Order(1)
    void hybrid_search_finds_the_passage_by_keywords_and_meaning_with_both_ranks() {
        List<JsonNode> results = search(acme, "{\"query\":\"espresso machines shipped to Oslo\"}");
        JsonNode best = results.getFirst();
        assertThat(best.get("source_id").asText()).isEqualTo(handbookId);
        assertThat(best.get("kind").asText()).isEqualTo("chunk");
        assertThat(best.get("source_name").asText()).isEqualTo("Handbook");
        assertThat(best.get("source_version").asInt()).isEqualTo(1);
        assertThat(best.get("content").asText()).contains("espresso");
        assertThat(best.get("lexical_rank").asInt()).isEqualTo(1);
        assertThat(best.get("vector_rank").isInt()).isTrue();
        assertThat(best.get("metadata").isObject()).isTrue();
        assertThat(best.get("score").asDouble()).isPositive();
        assertThat(results).hasSizeLessThanOrEqualTo(10);
    }

    @Test
    @Order(2)
    void lexical_search_reads_russian_and_company_names_as_typed_in_either_alphabet() {
        for (String query : List.of("поставлять смазочный материал", "Газпромн", "gazpromneft", "ДОГОВОР ПРОДЛЕН")) {
            List<JsonNode> results = search(acme, "{\"query\":\"" + query + "\",\"mode\":\"lexical\"}");
            assertThat(sourcesOf(results)).as(query).containsExactly(profileId);
            assertThat(results.getFirst().get("vector_rank").isNull()).isTrue();
        }
    }

    @Test
    @Order(3)
    void vector_search_ranks_every_chunk_of_the_client_by_meaning() {
        List<JsonNode> results =
                search(acme, "{\"query\":\"a kitchen appliance that boils water\",\"mode\":\"vector\",\"limit\":100}");
        assertThat(results).isNotEmpty();
        assertThat(results.getFirst().get("lexical_rank").isNull()).isTrue();
        assertThat(sourcesOf(results)).contains(priceListId, handbookId);
    }

    @Test
    @Order(4)
    void filters_apply_inside_both_searches() {
        List<JsonNode> csv = search(acme, "{\"query\":\"espresso machines\",\"filter\":{\"types\":[\"csv\"]}}");
        assertThat(sourcesOf(csv)).containsExactly(priceListId);
        List<JsonNode> russian = search(acme, "{\"query\":\"espresso\",\"filter\":{\"metadata\":{\"lang\":\"ru\"}}}");
        assertThat(sourcesOf(russian)).containsExactly(profileId);
        List<JsonNode> bySource = search(
                acme,
                "{\"query\":\"refund\",\"filter\":{\"source_ids\":[\"" + handbookId + "\"],\"keys\":[\"handbook\"]}}");
        assertThat(sourcesOf(bySource)).containsExactly(handbookId);
        assertThat(search(acme, "{\"query\":\"refund\",\"filter\":{\"created_after\":\"2999-01-01T00:00:00Z\"}}"))
                .isEmpty();
    }

    @Test
    @Order(5)
    void a_client_key_searches_its_own_client_and_an_admin_key_names_one() {
        List<JsonNode> theirs = search(globex, "{\"query\":\"espresso machines\"}");
        assertThat(theirs).isNotEmpty();
        assertThat(sourcesOf(theirs)).doesNotContain(handbookId, priceListId, profileId);
        List<JsonNode> asAdmin = search(TestApp.ADMIN_KEY, "{\"client\":\"acme-search\",\"query\":\"Oslo\"}");
        assertThat(sourcesOf(asAdmin)).contains(handbookId);
        TestApp.Reply foreign = APP.post("/api/v1/search", globex, "{\"client\":\"acme-search\",\"query\":\"Oslo\"}");
        assertThat(foreign.status()).isEqualTo(404);
    }

    @Test
    @Order(6)
    void bad_input_is_a_422_problem() {
        for (String body : List.of(
                "{\"query\":\"x\",\"limit\":0}",
                "{\"query\":\"x\",\"limit\":101}",
                "{\"query\":\"\"}",
                "{\"query\":\"   \"}",
                "{\"limit\":5}",
                "{\"query\":\"x\",\"filter\":{\"colour\":\"red\"}}",
                "{\"query\":\"x\",\"filter\":{\"types\":[\"docx\"]}}",
                "{\"query\":\"x\",\"filter\":{\"metadata\":[1]}}",
                "{\"query\":\"x\",\"filter\":{\"source_ids\":[\"not-a-uuid\"]}}",
                "{\"query\":\"x\",\"mode\":\"fuzzy\"}",
                "{\"query\":\"x\",\"weights\":{\"lexical\":0,\"vector\":0}}",
                "{\"query\":\"x\",\"rrf_k\":0}",
                "{\"query\":\"x\",\"kinds\":[\"insight\"]}",
                "{\"query\":\"x\",\"vector\":{\"model\":\"m\",\"values\":[]}}",
                "{\"query\":\"x\",\"vector\":{\"model\":\"\",\"values\":[1]}}",
                "{\"query\":\"x\",\"limit\":\"ten\"}")) {
            TestApp.Reply reply = APP.post("/api/v1/search", acme, body);
            assertThat(reply.status()).as(body + " -> " + reply.body()).isEqualTo(422);
            assertThat(reply.isProblem()).as(body).isTrue();
        }
    }

    @Test
    @Order(7)
    void a_new_version_replaces_the_old_ones_chunks_and_a_deleted_source_is_gone() {
        String second = ready(
                acme,
                "?key=handbook&name=Handbook",
                "text/markdown",
                "# Northwind handbook\n\nNorthwind now ships by rail to Bergen.");
        assertThat(search(acme, "{\"query\":\"espresso pallets Oslo\",\"mode\":\"lexical\"}"))
                .isEmpty();
        List<JsonNode> rail = search(acme, "{\"query\":\"rail Bergen\"}");
        assertThat(rail.getFirst().get("source_id").asText()).isEqualTo(second);
        assertThat(rail.getFirst().get("source_version").asInt()).isEqualTo(2);
        assertThat(sourcesOf(search(acme, "{\"query\":\"Northwind\",\"limit\":100}")))
                .doesNotContain(handbookId);

        assertThat(APP.delete("/api/v1/sources/" + priceListId, acme).status()).isEqualTo(204);
        assertThat(search(acme, "{\"query\":\"kettle blender\",\"mode\":\"lexical\"}"))
                .isEmpty();
        assertThat(sourcesOf(search(acme, "{\"query\":\"kettle\",\"mode\":\"vector\",\"limit\":100}")))
                .doesNotContain(priceListId);
    }

    @Test
    @Order(8)
    void after_a_restart_the_kept_index_answers_and_a_removed_one_is_rebuilt_from_postgresql() {
        Path index = APP.searchIndexDirectory();
        assertThat(index).isDirectory();
        APP.restart(() -> {});
        assertThat(sourcesOf(search(acme, "{\"query\":\"rail Bergen\",\"mode\":\"lexical\"}")))
                .hasSize(1);

        APP.restart(() -> delete(index));
        List<JsonNode> rebuilt = search(acme, "{\"query\":\"rail Bergen\"}");
        assertThat(rebuilt.getFirst().get("source_version").asInt()).isEqualTo(2);
        assertThat(sourcesOf(search(acme, "{\"query\":\"Газпромнефть\",\"mode\":\"lexical\"}")))
                .containsExactly(profileId);
        assertThat(sourcesOf(search(acme, "{\"query\":\"kettle\",\"mode\":\"vector\",\"limit\":100}")))
                .doesNotContain(priceListId);
        JsonNode ready = APP.get("/readyz", null).json();
        assertThat(ready.get("search_index").asText()).isEqualTo("ready");
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
