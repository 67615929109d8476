package io.columnline.app.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.app.TestApp;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 13's research cache over real HTTP: PostgreSQL, the real embedding model, the run figures. */
class ResearchCacheHttpTest {
    @RegisterExtension
    static final TestApp APP = new TestApp();

    static String acme;
    static String other;

    @BeforeAll
    static void clients() {
        acme = APP.clientWithKey("acme-cache");
        other = APP.clientWithKey("other-cache");
    }

    static String startRun(String key, String company) {
        TestApp.Reply started = APP.post(
                "/api/v1/runs",
                key,
                "{\"seed\": {\"company_name\": \"%s\", \"domain\": \"%s.example\"}}".formatted(company, company));
        assertThat(started.status()).isEqualTo(201);
        return started.json().get("id").asText();
    }

    static void step(String key, String run, String stepKey, String cost) {
        TestApp.Reply logged = APP.post("/api/v1/runs/" + run + "/steps", key, """
                {"step_key": "%s", "stage": "research", "cost_usd": %s, "status": "success"}""".formatted(stepKey, cost));
        assertThat(logged.status()).isEqualTo(201);
    }

    static JsonNode lookup(String key, String body) {
        TestApp.Reply reply = APP.post("/api/v1/research-cache/lookup", key, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    static long count(String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(APP.databaseUrl());
                var query = connection.prepareStatement(sql);
                var rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void a_second_run_reuses_what_the_first_paid_for_and_the_stats_show_the_money_saved() {
        String acme = APP.clientWithKey("romashka-cache");
        String other = APP.clientWithKey("nobody-cache");
        String first = startRun(acme, "romashka");
        JsonNode miss = lookup(acme, """
                {"topic": "ООО Ромашка — market", "run_id": "%s"}""".formatted(first));
        assertThat(miss.get("hit").asBoolean()).isFalse();
        assertThat(miss.get("match").isNull()).isTrue();
        assertThat(miss.get("entry").isNull()).isTrue();

        step(acme, first, "research.search", "0.40");
        step(acme, first, "research.claims", "0.35");
        TestApp.Reply stored = APP.put("/api/v1/research-cache", acme, """
                {"topic": "ООО Ромашка — market", "content": "# Market\\nTea and chamomile.", "run_id": "%s",
                 "metadata": {"sources": 12}}""".formatted(first));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.json().get("cost_usd").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(stored.json().get("topic_key").asText()).isEqualTo("ооо ромашка - market");
        TestApp.Reply again = APP.put("/api/v1/research-cache", acme, """
                {"topic": "ооо ромашка - market", "content": "# Market\\nTea and chamomile.", "cost_usd": 3}""");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id")).isEqualTo(stored.json().get("id"));

        String second = startRun(acme, "romashka-again");
        JsonNode hit = lookup(acme, """
                {"topic": "  ооо ромашка - market!", "run_id": "%s"}""".formatted(second));
        assertThat(hit.get("hit").asBoolean()).isTrue();
        assertThat(hit.get("match").asText()).isEqualTo("exact");
        assertThat(hit.get("similarity").asDouble()).isEqualTo(1.0);
        assertThat(hit.get("entry").get("content").asText()).startsWith("# Market");
        assertThat(hit.get("entry").get("age_days").asInt()).isZero();
        assertThat(hit.get("entry").get("run_id").asText()).isEqualTo(first);
        assertThat(hit.get("entry").get("metadata").get("sources").asInt()).isEqualTo(12);

        JsonNode stats =
                APP.get("/api/v1/research-cache/stats?group_by=run", acme).json();
        assertThat(stats.get("lookups").asInt()).isEqualTo(2);
        assertThat(stats.get("hits").asInt()).isEqualTo(1);
        assertThat(stats.get("hit_rate").asDouble()).isEqualTo(0.5);
        assertThat(stats.get("saved_usd").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(stats.get("groups")).hasSize(2);
        assertThat(stats.get("groups").get(1).get("run_id").asText()).isEqualTo(second);
        assertThat(stats.get("groups").get(1).get("saved_usd").decimalValue()).isEqualByComparingTo("0.75");
        JsonNode byDay = APP.get("/api/v1/research-cache/stats", acme).json();
        assertThat(byDay.get("groups").get(0).get("day").asText()).hasSize(10);
        assertThat(APP.get("/api/v1/research-cache/stats", other)
                        .json()
                        .get("lookups")
                        .asInt())
                .isZero();

        JsonNode secondRun = APP.get("/api/v1/runs/" + second, acme).json();
        assertThat(secondRun.get("research_cache").get("lookups").asInt()).isEqualTo(1);
        assertThat(secondRun.get("research_cache").get("hits").asInt()).isEqualTo(1);
        assertThat(secondRun.get("research_cache").get("saved_usd").decimalValue())
                .isEqualByComparingTo("0.75");
        JsonNode firstRun = APP.get("/api/v1/runs/" + first, acme).json();
        assertThat(firstRun.get("research_cache").get("hits").asInt()).isZero();
        assertThat(firstRun.get("totals").get("cost_usd").decimalValue()).isEqualByComparingTo("0.75");
    }

    @Test
    void a_topic_phrased_differently_hits_by_meaning_at_the_similarity_asked_and_an_unrelated_one_misses() {
        assertThat(APP.put("/api/v1/research-cache", acme, """
                        {"topic": "competitors of Globex Corporation in Germany", "content": "Initech, Hooli",
                         "cost_usd": 1.2}""").status()).isEqualTo(201);
        JsonNode near = lookup(acme, """
                {"topic": "Globex Corporation competitors in Germany", "similarity": 0.8}""");
        assertThat(near.get("hit").asBoolean()).isTrue();
        assertThat(near.get("match").asText()).isEqualTo("semantic");
        assertThat(near.get("similarity").asDouble()).isBetween(0.8, 1.0);
        assertThat(near.get("entry").get("content").asText()).isEqualTo("Initech, Hooli");

        JsonNode exactOnly = lookup(acme, """
                {"topic": "Globex Corporation competitors in Germany"}""");
        assertThat(exactOnly.get("hit").asBoolean()).isFalse();
        JsonNode unrelated = lookup(acme, """
                {"topic": "weather forecast for Tokyo tomorrow", "similarity": 0.8}""");
        assertThat(unrelated.get("hit").asBoolean()).isFalse();
        JsonNode otherClient = lookup(other, """
                {"topic": "competitors of Globex Corporation in Germany", "similarity": 0.5}""");
        assertThat(otherClient.get("hit").asBoolean()).isFalse();
    }

    @Test
    void invalidated_entries_no_longer_answer_and_other_clients_cannot_touch_them() {
        String id =
                APP.put("/api/v1/research-cache", acme, """
                        {"topic": "Initech pricing", "content": "per seat", "cost_usd": 0.5}""").json().get("id").asText();
        assertThat(APP.delete("/api/v1/research-cache/" + id, other).status()).isEqualTo(404);
        assertThat(lookup(acme, "{\"topic\": \"initech pricing\"}").get("hit").asBoolean())
                .isTrue();
        assertThat(APP.delete("/api/v1/research-cache/" + id, acme).status()).isEqualTo(204);
        assertThat(APP.delete("/api/v1/research-cache/" + id, acme).status()).isEqualTo(404);
        assertThat(lookup(acme, "{\"topic\": \"initech pricing\"}").get("hit").asBoolean())
                .isFalse();

        APP.put("/api/v1/research-cache", acme, "{\"topic\": \"Initech team\", \"content\": \"a\", \"cost_usd\": 0}");
        APP.put("/api/v1/research-cache", acme, "{\"topic\": \"Initech team\", \"content\": \"b\", \"cost_usd\": 0}");
        TestApp.Reply invalidated =
                APP.post("/api/v1/research-cache/invalidate", acme, "{\"topic\": \"INITECH   team.\"}");
        assertThat(invalidated.json().get("invalidated").asInt()).isEqualTo(2);
        assertThat(lookup(acme, "{\"topic\": \"initech team\"}").get("hit").asBoolean())
                .isFalse();
    }

    @Test
    void bad_input_is_a_problem_naming_the_field_and_writes_nothing() throws SQLException {
        String theirs = startRun(other, "theirs");
        long lookups = count("SELECT count(*) FROM research_cache_lookups");
        long entries = count("SELECT count(*) FROM research_cache_entries");
        assertProblem(
                APP.post("/api/v1/research-cache/lookup", acme, "{\"topic\": \"x\", \"similarity\": 1.5}"),
                422,
                "similarity");
        assertProblem(APP.post("/api/v1/research-cache/lookup", acme, "{\"topic\": \" — ! \"}"), 422, "topic");
        assertProblem(APP.post("/api/v1/research-cache/lookup", acme, "{}"), 422, "topic");
        assertProblem(
                APP.post("/api/v1/research-cache/lookup", acme, "{\"topic\": \"x\", \"max_age_days\": 0}"),
                422,
                "max_age_days");
        assertProblem(
                APP.post("/api/v1/research-cache/lookup", acme, "{\"topic\": \"x\", \"run_id\": \"" + theirs + "\"}"),
                404,
                "run");
        assertProblem(
                APP.post("/api/v1/research-cache/lookup", acme, "{\"topic\": \"x\", \"colour\": 1}"), 422, "colour");
        assertProblem(APP.put("/api/v1/research-cache", acme, "{\"topic\": \"x\", \"content\": \"\"}"), 422, "content");
        assertProblem(
                APP.put("/api/v1/research-cache", acme, "{\"topic\": \"x\", \"content\": \"c\", \"cost_usd\": -1}"),
                422,
                "cost_usd");
        assertProblem(
                APP.put("/api/v1/research-cache", acme, "{\"topic\": \"x\", \"content\": \"c\", \"metadata\": [1]}"),
                422,
                "metadata");
        assertProblem(
                APP.put(
                        "/api/v1/research-cache",
                        acme,
                        "{\"topic\": \"x\", \"content\": \"c\", \"run_id\": \"" + theirs + "\"}"),
                404,
                "run");
        assertProblem(APP.put("/api/v1/research-cache", "cl_not_a_key", "{}"), 401, "");
        assertProblem(APP.get("/api/v1/research-cache/stats?group_by=week", acme), 422, "group_by");
        assertProblem(
                APP.post("/api/v1/research-cache/lookup", TestApp.ADMIN_KEY, "{\"topic\": \"x\"}"), 422, "client");
        assertThat(count("SELECT count(*) FROM research_cache_lookups")).isEqualTo(lookups);
        assertThat(count("SELECT count(*) FROM research_cache_entries")).isEqualTo(entries);
    }

    @Test
    void a_lookup_sent_again_with_its_idempotency_key_is_answered_once() throws SQLException {
        long before = count("SELECT count(*) FROM research_cache_lookups");
        TestApp.Reply one = APP.post(
                "/api/v1/research-cache/lookup", acme, "{\"topic\": \"idempotent topic\"}", "Idempotency-Key", "k-1");
        TestApp.Reply two = APP.post(
                "/api/v1/research-cache/lookup", acme, "{\"topic\": \"idempotent topic\"}", "Idempotency-Key", "k-1");
        assertThat(one.status()).isEqualTo(200);
        assertThat(two.body()).isEqualTo(one.body());
        assertThat(count("SELECT count(*) FROM research_cache_lookups")).isEqualTo(before + 1);
    }

    static void assertProblem(TestApp.Reply reply, int status, String mentions) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.body()).contains(mentions);
    }
}
