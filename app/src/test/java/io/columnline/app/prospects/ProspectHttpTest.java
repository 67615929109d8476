package io.columnline.app.prospects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.columnline.adapters.http.shared.HttpServer;
import io.columnline.app.ColumnlineComponent;
import io.columnline.app.Config;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 4's routes over real HTTP, on the whole Dagger graph and a real PostgreSQL. */
class ProspectHttpTest {
    private static final String ADMIN = "admin-key-for-prospect-tests-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static Harness harness;
    static ColumnlineComponent component;
    static HttpServer server;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        harness = new Harness();
        Path home = Files.createTempDirectory("columnline-prospects-home");
        component = ColumnlineComponent.create(Config.fromEnvironment(java.util.Map.of(
                "COLUMNLINE_DATABASE_URL",
                harness.url,
                "COLUMNLINE_PORT",
                "0",
                "COLUMNLINE_HOME",
                home.toString(),
                "COLUMNLINE_ADMIN_KEY",
                ADMIN,
                "COLUMNLINE_MAX_IMPORT_BYTES",
                Long.toString(1L << 20),
                "COLUMNLINE_DB_POOL_SIZE",
                "4")));
        component.lifecycle().database();
        component.apiKeys().get().ensureAdminKey(Optional.of(ADMIN));
        server = component.httpServer().get();
        server.start();
        base = "http://127.0.0.1:" + server.port();
        assertThat(send("PUT", "/api/v1/clients/acme", "{\"name\":\"Acme\"}").statusCode())
                .isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        server.stop(1000);
        component.lifecycle().close();
        harness.close();
    }

    static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(method, path, body, "application/json");
    }

    static HttpResponse<String> send(String method, String path, String body, String type) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", type)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void an_import_over_http_then_audience_enrichment_campaign_and_replies() throws Exception {
        String companies = "company_name,tin,segment,sme_registry,status\n"
                + "Alpha,7700000001,Fintech,да,Active\nBeta,7700000002,Retail,нет,Active\nGamma,bad tin!,Fintech,yes,Active\n";
        var imported = send("POST", "/api/v1/imports/companies?client=acme&session_key=s1", companies, "text/csv");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode summary = json(imported);
        assertThat(summary.get("inserted").asLong()).isEqualTo(2);
        assertThat(summary.get("rejected").asLong()).isEqualTo(1);
        assertThat(summary.get("first_rejected").get(0).get("line").asLong()).isEqualTo(4);
        var errors = json(send("GET", summary.get("errors_url").asText(), null));
        assertThat(errors.get("data").get(0).get("column").asText()).isEqualTo("tin");
        assertThat(json(send("GET", "/api/v1/imports?client=acme", null))
                        .get("data")
                        .findValuesAsText("id"))
                .contains(summary.get("import_id").asText());

        String contacts = "company_tin,full_name,position,work_email\n"
                + "7700000001,Ivan,Deputy CTO,ivan@alpha.ru\n7700000001,Olga,CFO,olga@alpha.ru\n7700000002,Petr,CTO,petr@beta.ru\n";
        assertThat(send("POST", "/api/v1/imports/contacts?client=acme", contacts, "text/csv")
                        .statusCode())
                .isEqualTo(200);

        var audience = json(send(
                "GET",
                "/api/v1/audiences?client=acme&segment=Fintech&sme_registry=true&status=Active"
                        + "&position=cto&processing_status=pending",
                null));
        assertThat(audience.get("data")).hasSize(1);
        String ivan = audience.get("data").get(0).get("id").asText();
        assertThat(audience.get("data")
                        .get(0)
                        .get("company")
                        .get("company_name")
                        .asText())
                .isEqualTo("Alpha");

        var patched = send(
                "PATCH",
                "/api/v1/contacts/" + ivan,
                "{\"processing_status\":\"researched\",\"ai_research_data\":{\"persona\":\"tech\"}}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(json(patched).get("ai_research_data").get("persona").asText())
                .isEqualTo("tech");
        var unknown = send("PATCH", "/api/v1/contacts/" + ivan, "{\"shoe_size\":42}");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(json(unknown).get("errors").get(0).get("field").asText()).isEqualTo("shoe_size");
        var badValue = send("PATCH", "/api/v1/contacts/" + ivan, "{\"test_status\":\"done\"}");
        assertThat(badValue.statusCode()).isEqualTo(422);

        String petr = json(send("GET", "/api/v1/contacts?client=acme&work_email=petr@beta.ru", null))
                .get("data")
                .get(0)
                .get("id")
                .asText();
        assertThat(send("POST", "/api/v1/contacts/" + petr + "/replies", "{\"kind\":\"bounce\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("POST", "/api/v1/contacts/" + petr + "/replies", "{\"kind\":\"bounce\"}")
                        .statusCode())
                .isEqualTo(200);
        var enqueued = json(send(
                "POST",
                "/api/v1/campaigns/C-7/enqueue",
                "{\"contact_ids\":[\"" + ivan + "\",\"" + petr + "\"],\"outreach_type\":\"sales\"}"));
        assertThat(enqueued.get("queued").get(0).asText()).isEqualTo(ivan);
        assertThat(enqueued.get("suppressed").get(0).asText()).isEqualTo(petr);
        assertThat(send("POST", "/api/v1/contacts/" + ivan + "/replies", "{\"kind\":\"info_request\"}")
                        .statusCode())
                .isEqualTo(200);
        var stats = json(send("GET", "/api/v1/campaigns/stats?client=acme", null))
                .get("data")
                .get(0);
        assertThat(stats.get("campaign_number").asText()).isEqualTo("C-7");
        assertThat(stats.get("contacts").asLong()).isEqualTo(1);
        assertThat(stats.get("info_requests").asLong()).isEqualTo(1);
        assertThat(send("POST", "/api/v1/contacts/" + ivan + "/replies", "{\"kind\":\"shrug\"}")
                        .statusCode())
                .isEqualTo(422);
    }

    @Test
    void company_patch_and_filters_refuse_unknown_fields_and_bad_values() throws Exception {
        send("POST", "/api/v1/imports/companies?client=acme", "company_name,tin\nDelta,7700000009\n", "text/csv");
        String id = json(send("GET", "/api/v1/companies?client=acme&tin=7700000009", null))
                .get("data")
                .get(0)
                .get("id")
                .asText();
        var patched =
                json(send("PATCH", "/api/v1/companies/" + id, "{\"segment\":\"Fintech\",\"revenue\":\"1 000,5\"}"));
        assertThat(patched.get("revenue").decimalValue()).isEqualByComparingTo("1000.5");
        assertThat(send("PATCH", "/api/v1/companies/" + id, "{\"company_name\":null}")
                        .statusCode())
                .isEqualTo(422);
        assertThat(send("GET", "/api/v1/companies?client=acme&color=red", null).statusCode())
                .isEqualTo(422);
        assertThat(send("GET", "/api/v1/companies?client=acme&sme_registry=perhaps", null)
                        .statusCode())
                .isEqualTo(422);
        assertThat(send("GET", "/api/v1/companies?client=acme&cursor=bm9wZQ", null)
                        .statusCode())
                .isEqualTo(422);
        assertThat(send("GET", "/api/v1/companies", null).statusCode()).isEqualTo(422);
        assertThat(send("GET", "/api/v1/companies/" + java.util.UUID.randomUUID(), null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void an_import_body_over_the_limit_is_413_and_writes_nothing() throws Exception {
        StringBuilder csv = new StringBuilder("company_name,tin\n");
        for (int i = 0; csv.length() < (1 << 20) + 10; i++) {
            csv.append("Company number ")
                    .append(i)
                    .append(',')
                    .append(7800000000L + i)
                    .append('\n');
        }
        var response = send("POST", "/api/v1/imports/companies?client=acme", csv.toString(), "text/csv");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(harness.count("SELECT count(*) FROM companies WHERE tin LIKE '78%'"))
                .isZero();
    }

    @Test
    void ai_interactions_are_logged_and_found_by_session_and_conversation() throws Exception {
        var created = send(
                "POST",
                "/api/v1/ai-interactions",
                "{\"client\":\"acme\",\"session_key\":\"s-1\","
                        + "\"conversation_id\":\"c-1\",\"prompt\":\"Who is the CTO?\",\"response\":\"Ivan\",\"model_used\":\"gpt\","
                        + "\"confidence_score\":0.9}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(send("GET", "/api/v1/ai-interactions?client=acme&session_key=s-1", null))
                        .get("data"))
                .hasSize(1);
        assertThat(json(send("GET", "/api/v1/ai-interactions?client=acme&conversation_id=other", null))
                        .get("data"))
                .isEmpty();
        assertThat(send(
                                "POST",
                                "/api/v1/ai-interactions",
                                "{\"client\":\"acme\",\"prompt\":\"x\",\"session_key\":\"s\","
                                        + "\"confidence_score\":2}")
                        .statusCode())
                .isEqualTo(422);
    }
}
