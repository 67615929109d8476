package io.columnline.app.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.app.TestApp;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 13's insights over real HTTP: compounding, history, filters, tenancy and refusals. */
class InsightsHttpTest {
    @RegisterExtension
    static final TestApp APP = new TestApp();

    static String acme;
    static String other;

    @BeforeAll
    static void clients() {
        acme = APP.clientWithKey("acme-insights");
        other = APP.clientWithKey("other-insights");
    }

    @Test
    void the_same_type_and_title_compounds_into_versions_that_keep_their_confidence() {
        TestApp.Reply first = APP.post("/api/v1/insights", acme, """
                {"type": "learning", "title": "Buyers want SSO", "content": "Two of five asked", "confidence": 0.4,
                 "tags": ["Security"], "company_domain": "Acme.com"}""");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String id = first.json().get("id").asText();
        TestApp.Reply second = APP.post("/api/v1/insights", acme, """
                {"type": "learning", "title": "  buyers want SSO. ", "content": "Four of five asked",
                 "confidence": 0.85, "tags": ["security"], "company_domain": "acme.com"}""");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("id").asText()).isEqualTo(id);
        assertThat(second.json().get("version").asInt()).isEqualTo(2);
        assertThat(APP.post("/api/v1/insights", acme, """
                        {"type": "learning", "title": "  buyers want SSO. ", "content": "Four of five asked",
                         "confidence": 0.85, "tags": ["security"], "company_domain": "acme.com"}""").json().get("version").asInt())
                .isEqualTo(2);
        TestApp.Reply pattern = APP.post("/api/v1/insights", acme, """
                {"type": "pattern", "title": "Buyers want SSO", "content": "a pattern", "confidence": 1}""");
        assertThat(pattern.status()).isEqualTo(201);

        JsonNode history =
                APP.get("/api/v1/insights/" + id + "/history", acme).json().get("data");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("confidence").asDouble()).isEqualTo(0.4);
        assertThat(history.get(1).get("confidence").asDouble()).isEqualTo(0.85);
        assertThat(APP.get("/api/v1/insights/" + id, acme).json().get("content").asText())
                .isEqualTo("Four of five asked");

        JsonNode filtered = APP.get(
                        "/api/v1/insights?type=learning&tag=security&min_confidence=0.8&company_domain=acme.com", acme)
                .json()
                .get("data");
        assertThat(filtered).hasSize(1);
        assertThat(APP.get("/api/v1/insights?limit=1", acme)
                        .json()
                        .get("next_cursor")
                        .isNull())
                .isFalse();
        assertThat(APP.get("/api/v1/insights", other).json().get("data")).isEmpty();
        assertThat(APP.get("/api/v1/insights/" + id, other).status()).isEqualTo(404);
        assertThat(APP.delete("/api/v1/insights/" + id, other).status()).isEqualTo(404);
        assertThat(APP.delete("/api/v1/insights/" + id, acme).status()).isEqualTo(204);
        assertThat(APP.get("/api/v1/insights/" + id + "/history", acme).status())
                .isEqualTo(404);
    }

    @Test
    void bad_insights_are_refused_and_another_clients_source_is_not_found() {
        String theirSource = APP.send(APP.request("/api/v1/sources", other)
                        .setHeader("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("their notes"))
                        .build())
                .json()
                .get("id")
                .asText();
        String base = "{\"type\": \"learning\", \"title\": \"T\", \"content\": \"c\", \"confidence\": %s%s}";
        assertThat(APP.post("/api/v1/insights", acme, base.formatted("1.5", "")).status())
                .isEqualTo(422);
        assertThat(APP.post("/api/v1/insights", acme, base.formatted("-0.1", ""))
                        .body())
                .contains("confidence");
        assertThat(APP.post("/api/v1/insights", acme, base.formatted("0.5", ", \"source_id\": \"" + theirSource + "\""))
                        .status())
                .isEqualTo(404);
        assertThat(APP.post("/api/v1/insights", acme, base.formatted("0.5", "").replace("learning", "Not a word"))
                        .status())
                .isEqualTo(422);
        assertThat(APP.get("/api/v1/insights?min_confidence=2", acme).status()).isEqualTo(422);
        assertThat(APP.get("/api/v1/insights", acme).json().get("data"))
                .noneMatch(i -> i.get("title").asText().equals("T"));
    }
}
