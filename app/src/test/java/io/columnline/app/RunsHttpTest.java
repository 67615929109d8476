package io.columnline.app;

import static io.columnline.app.RunsHttpServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.app.RunsHttpServer.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs, stages and steps over real HTTP, as a Make.com scenario drives them. */
class RunsHttpTest {
    private static RunsHttpServer api;

    private String key;
    private String slug;

    @BeforeAll
    static void boot() {
        api = new RunsHttpServer();
    }

    @AfterAll
    static void shutDown() {
        api.close();
    }

    @BeforeEach
    void newClient() {
        slug = RunsHttpServer.uniqueSlug("acme");
        key = api.clientKey(slug);
    }

    private String startRun() {
        Answer started = api.post("/api/v1/runs", key, """
        {"seed": {"company_name": "Target GmbH", "domain": "target.de"}}""");
        assertThat(started.status()).isEqualTo(201);
        return started.text("id");
    }

    private static String step(String stepKey, int attempt, String extra) {
        return """
        {"step_key": "%s", "attempt": %d, "stage": "research", "model": "gpt-4o", "tokens_input": 1200,
         "tokens_output": 300, "latency_ms": 950, "status": "success", "input": {"q": "who?"},
         "output": {"claims": ["a", "b"]}%s}""".formatted(stepKey, attempt, extra);
    }

    private static void assertProblem(Answer answer, int status, String fieldOrText) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.json().toString()).contains(fieldOrText);
    }

    @Test
    void a_make_com_run_from_start_to_finish() {
        Answer started = api.post("/api/v1/runs", key, """
        {"client": "%s", "seed": {"company_name": "Target GmbH", "domain": "target.de", "company_id": "c-1",
         "employees": 40}, "external_id": "make-exec-77"}""".formatted(slug));
        assertThat(started.status()).isEqualTo(201);
        assertThat(started.text("status")).isEqualTo("running");
        assertThat(started.text("pipeline_version")).isEqualTo("v2");
        assertThat(started.json().path("seed").path("employees").asInt()).isEqualTo(40);
        String run = started.text("id");

        assertThat(api.post("/api/v1/runs/" + run + "/stages/research/start", key, null)
                        .text("status"))
                .isEqualTo("running");
        Answer priced = api.post("/api/v1/runs/" + run + "/steps", key, step("research.claims", 1, ""));
        assertThat(priced.status()).isEqualTo(201);
        assertThat(priced.json().path("cost_usd").decimalValue()).isEqualByComparingTo("0.006");
        assertThat(priced.text("cost_source")).isEqualTo("priced");
        assertThat(priced.json().path("output").path("claims").size()).isEqualTo(2);

        Answer given = api.post("/api/v1/runs/" + run + "/steps", key, """
        {"step_key": "research.search", "stage": "research", "cost_usd": 0.0000002, "status": "success"}""");
        assertThat(given.body()).contains("\"cost_usd\":0.0000002,");
        Answer unknown = api.post("/api/v1/runs/" + run + "/steps", key, """
        {"step_key": "research.local", "stage": "research", "model": "my-llama", "tokens_input": 5,
         "status": "failure", "error": {"code": 500}}""");
        assertThat(unknown.text("cost_source")).isEqualTo("unknown_model");
        assertThat(unknown.json().path("cost_usd").isNull()).isTrue();
        assertThat(unknown.text("error")).isEqualTo("{\"code\":500}");

        Answer batch = api.post("/api/v1/runs/" + run + "/steps/batch", key, """
        {"steps": [%s, %s]}""".formatted(
                        step("writer.summary", 1, ", \"stage\": \"writers\"").replace("\"stage\": \"research\", ", ""),
                        step("writer.people", 1, "").replace("research", "writers")));
        assertThat(batch.status()).isEqualTo(201);
        assertThat(batch.json().path("created").asInt()).isEqualTo(2);
        assertThat(api.post("/api/v1/runs/" + run + "/stages/research/complete", key, """
        {"status": "success", "output_refs": {"claims": 2}, "metrics": {"cache_hit": false}}""")
                        .status())
                .isEqualTo(200);

        Answer read = api.get("/api/v1/runs/" + run + "/steps/research.claims", key);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("output").path("claims").get(0).asText()).isEqualTo("a");
        Answer writers = api.get("/api/v1/runs/" + run + "/steps?stage=writers&limit=1", key);
        assertThat(writers.json().path("data").size()).isEqualTo(1);
        assertThat(writers.text("next_cursor")).isNotEmpty();

        Answer details = api.get("/api/v1/runs/" + run, key);
        JsonNode totals = details.json().path("totals");
        assertThat(totals.path("steps").path("total").asInt()).isEqualTo(5);
        assertThat(totals.path("steps").path("failure").asInt()).isEqualTo(1);
        assertThat(totals.path("tokens_input").asLong()).isEqualTo(1200 * 3 + 5);
        assertThat(totals.path("cost_usd").decimalValue()).isEqualByComparingTo("0.0180002");
        assertThat(totals.path("steps_without_cost").asInt()).isEqualTo(1);
        assertThat(details.json().path("stages"))
                .extracting(s -> s.path("stage").asText())
                .containsExactly("research", "writers");
        assertThat(details.json()
                        .path("stages")
                        .get(0)
                        .path("metrics")
                        .path("cache_hit")
                        .asBoolean())
                .isFalse();
        assertThat(details.json().path("stages").get(1).path("status").isNull()).isTrue();

        Answer completed = api.post("/api/v1/runs/" + run + "/complete", key, null);
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.text("status")).isEqualTo("completed");
        assertProblem(api.post("/api/v1/runs/" + run + "/steps", key, step("late", 1, "")), 409, "completed");
        assertProblem(api.post("/api/v1/runs/" + run + "/stages/merge/start", key, null), 409, "completed");
        assertProblem(api.post("/api/v1/runs/" + run + "/fail", key, "{\"error\": \"x\"}"), 409, "completed");

        Answer listed = api.get("/api/v1/runs?status=completed", key);
        assertThat(listed.json().path("data"))
                .extracting(r -> r.path("id").asText())
                .containsExactly(run);
        assertThat(api.post("/api/v1/runs", key, """
        {"seed": {"company_name": "Target GmbH", "domain": "target.de", "company_id": "c-1", "employees": 40},
         "external_id": "make-exec-77"}""").text("id")).isEqualTo(run);
    }

    @Test
    void the_same_step_sent_twice_and_concurrently_is_stored_once() throws Exception {
        String run = startRun();
        assertThat(api.post("/api/v1/runs/" + run + "/steps", key, step("s1", 1, ""))
                        .status())
                .isEqualTo(201);
        Answer again = api.post("/api/v1/runs/" + run + "/steps", key, step("s1", 1, ""));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("step_key")).isEqualTo("s1");

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Answer>> sends = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sends.add(() -> api.post("/api/v1/runs/" + run + "/steps", key, step("s2", 1, "")));
                String idempotencyKey = "retry-" + run;
                sends.add(() ->
                        api.send("POST", "/api/v1/runs/" + run + "/steps", key, step("s3", 1, ""), idempotencyKey));
                sends.add(() -> api.post(
                        "/api/v1/runs/" + run + "/steps/batch",
                        key,
                        "{\"steps\": [" + step("s4", 1, "") + ", " + step("s5", 1, "") + "]}"));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Answer> answer : pool.invokeAll(sends)) {
                statuses.add(answer.get().status());
            }
            // 409 only for an Idempotency-Key whose first request is still running; replays keep its 201
            assertThat(statuses).allMatch(s -> s == 200 || s == 201 || s == 409).contains(201);
        } finally {
            pool.shutdownNow();
        }
        for (String stepKey : List.of("s1", "s2", "s3", "s4", "s5")) {
            assertThat(api.count(
                            "SELECT count(*) FROM steps WHERE run_id = '" + run + "' AND step_key = '" + stepKey + "'"))
                    .as(stepKey)
                    .isEqualTo(1);
        }
    }

    @Test
    void the_same_step_with_a_different_payload_is_a_conflict_that_names_the_fields() {
        String run = startRun();
        api.post("/api/v1/runs/" + run + "/steps", key, step("s1", 1, ""));
        Answer clash = api.post(
                "/api/v1/runs/" + run + "/steps",
                key,
                step("s1", 1, "").replace("\"tokens_output\": 300", "\"tokens_output\": 301"));
        assertProblem(clash, 409, "tokens_output");
        assertThat(api.post("/api/v1/runs/" + run + "/steps", key, step("s1", 2, ""))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void a_refused_batch_names_each_bad_step_and_writes_nothing() {
        String run = startRun();
        Answer refused = api.post(
                "/api/v1/runs/" + run + "/steps/batch",
                key,
                "{\"steps\": [%s, %s, %s]}"
                        .formatted(
                                step("ok", 1, ""), step("neg", 1, "").replace("1200", "-1"), step("Bad Key", 1, "")));
        assertProblem(refused, 422, "steps[1].tokens_input");
        assertThat(refused.json().path("errors"))
                .extracting(e -> e.path("field").asText())
                .containsExactlyInAnyOrder("steps[1].tokens_input", "steps[2].step_key");
        Answer wrongType = api.post(
                "/api/v1/runs/" + run + "/steps/batch",
                key,
                "{\"steps\": [%s, %s]}"
                        .formatted(step("ok", 1, ""), step("t", 1, "").replace("1200", "\"many\"")));
        assertProblem(wrongType, 422, "steps[1].tokens_input");

        api.post("/api/v1/runs/" + run + "/steps", key, step("stored", 1, ""));
        Answer clash = api.post(
                "/api/v1/runs/" + run + "/steps/batch",
                key,
                "{\"steps\": [%s, %s]}"
                        .formatted(step("fresh", 1, ""), step("stored", 1, "").replace("950", "951")));
        assertProblem(clash, 409, "steps[1]");
        assertThat(api.count("SELECT count(*) FROM steps WHERE run_id = '" + run + "'"))
                .isEqualTo(1);
    }

    @Test
    void bad_input_gets_a_problem_naming_the_field_and_writes_nothing() {
        String run = startRun();
        String steps = "/api/v1/runs/" + run + "/steps";
        assertProblem(api.post(steps, key, "{\"step_key\": "), 400, "not valid JSON");
        assertProblem(api.post(steps, key, step("s", 1, ", \"colour\": \"red\"")), 422, "colour");
        assertProblem(api.post(steps, key, step("s", 1, "").replace("\"status\": \"success\",", "")), 422, "status");
        assertProblem(api.post(steps, key, step("s", 1, ", \"cost_usd\": -1")), 422, "cost_usd");
        assertProblem(
                api.post(steps, key, step("s", 1, "").replace("\"latency_ms\": 950", "\"latency_ms\": -9")),
                422,
                "latency_ms");
        assertProblem(api.post(steps, key, step("s", 0, "")), 422, "attempt");
        assertProblem(api.post(steps, key, step("s", 1, "").replace("\"research\"", "\"Re search\"")), 422, "stage");
        assertProblem(api.post(steps, key, step("s", 1, ", \"big\": \"" + "x".repeat(300_000) + "\"")), 413, "limit");
        assertProblem(api.post(steps, null, step("s", 1, "")), 401, "API key");
        assertProblem(api.post(steps, "cl_wrong", step("s", 1, "")), 401, "API key");
        assertProblem(api.post("/api/v1/runs", key, "{\"seed\": {\"company_name\": 7}}"), 422, "seed.company_name");
        assertProblem(api.post("/api/v1/runs/" + run + "/stages/Bad!/start", key, null), 422, "stage");
        assertProblem(
                api.post("/api/v1/runs/" + run + "/stages/research/complete", key, "{\"status\": \"running\"}"),
                422,
                "status");
        assertProblem(api.get("/api/v1/runs?since=yesterday", key), 422, "since");
        assertThat(api.count("SELECT count(*) FROM steps WHERE run_id = '" + run + "'"))
                .isZero();
        assertThat(api.count("SELECT count(*) FROM stages WHERE run_id = '" + run + "'"))
                .isZero();
    }

    @Test
    void unknown_malformed_and_other_clients_runs_are_not_found() {
        String run = startRun();
        String otherKey = api.clientKey(RunsHttpServer.uniqueSlug("beta"));
        assertProblem(api.get("/api/v1/runs/" + run, otherKey), 404, "run");
        assertProblem(api.post("/api/v1/runs/" + run + "/steps", otherKey, step("s", 1, "")), 404, "run");
        assertProblem(api.get("/api/v1/runs/" + run + "/steps", otherKey), 404, "run");
        assertProblem(api.get("/api/v1/runs/" + UUID.randomUUID(), key), 404, "run");
        assertProblem(api.get("/api/v1/runs/not-a-uuid", key), 404, "run");
        assertProblem(api.post("/api/v1/stages/start", key, "{\"run_id\": \"nope\", \"stage\": \"x\"}"), 404, "run");
        assertProblem(api.get("/api/v1/runs?client=" + slug, otherKey), 404, "client");
        assertThat(api.get("/api/v1/runs/" + run, ADMIN_KEY).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/runs", otherKey).json().path("data").size()).isZero();
        assertProblem(api.get("/api/v1/runs/" + run + "/steps/missing", key), 404, "missing");
    }

    @Test
    void the_flat_stage_routes_of_the_older_scenarios_count_attempts() {
        String run = startRun();
        Answer first =
                api.post("/api/v1/stages/start", key, "{\"run_id\": \"%s\", \"stage\": \"claims\"}".formatted(run));
        assertThat(first.json().path("attempts").asInt()).isEqualTo(1);
        Answer failed = api.post("/api/v1/stages/complete", key, """
        {"run_id": "%s", "stage": "claims", "status": "failure", "error_summary": "rate limited"}""".formatted(run));
        assertThat(failed.text("status")).isEqualTo("failure");
        assertThat(failed.text("error_summary")).isEqualTo("rate limited");
        Answer second =
                api.post("/api/v1/stages/start", key, "{\"run_id\": \"%s\", \"stage\": \"claims\"}".formatted(run));
        assertThat(second.json().path("attempts").asInt()).isEqualTo(2);
        assertProblem(
                api.post("/api/v1/stages/complete", key, "{\"stage\": \"claims\", \"status\": \"success\"}"),
                422,
                "run_id");
    }

    @Test
    void model_prices_are_read_by_anyone_and_set_by_an_admin() {
        assertThat(api.get("/api/v1/model-prices", key).json().path("data"))
                .extracting(p -> p.path("model").asText())
                .contains("gpt-4o", "claude-sonnet-4", "gemini-2.5-flash");
        String model = RunsHttpServer.uniqueSlug("house-model");
        String price = "{\"input_per_million_usd\": 1, \"output_per_million_usd\": 4}";
        assertProblem(api.send("PUT", "/api/v1/model-prices/" + model, key, price), 403, "admin");
        assertThat(api.send("PUT", "/api/v1/model-prices/" + model, ADMIN_KEY, price)
                        .status())
                .isEqualTo(201);
        assertThat(api.send("PUT", "/api/v1/model-prices/" + model, ADMIN_KEY, price)
                        .status())
                .isEqualTo(200);
        assertProblem(
                api.send("PUT", "/api/v1/model-prices/" + model, ADMIN_KEY, "{\"input_per_million_usd\": -1}"),
                422,
                "output_per_million_usd");

        String run = startRun();
        Answer priced = api.post(
                "/api/v1/runs/" + run + "/steps",
                key,
                step("s", 1, "").replace("gpt-4o", model.toUpperCase(java.util.Locale.ROOT)));
        assertThat(priced.json().path("cost_usd").decimalValue()).isEqualByComparingTo("0.0024");
    }

    @Test
    void runs_list_with_cursor_pagination() {
        for (int i = 0; i < 3; i++) {
            startRun();
        }
        Answer first = api.get("/api/v1/runs?limit=2", key);
        assertThat(first.json().path("data").size()).isEqualTo(2);
        Answer second = api.get("/api/v1/runs?limit=2&cursor=" + first.text("next_cursor"), key);
        assertThat(second.json().path("data").size()).isEqualTo(1);
        assertThat(second.json().path("next_cursor").isNull()).isTrue();
        assertProblem(api.get("/api/v1/runs?cursor=garbage", key), 422, "cursor");
    }

    @Test
    void runs_list_by_company_and_pipeline_version_with_each_run_s_totals() {
        String target = startRun();
        assertThat(api.post("/api/v1/runs/" + target + "/steps", key, step("research.find", 1, ", \"cost_usd\": 0.25"))
                        .status())
                .isEqualTo(201);
        Answer other = api.post(
                "/api/v1/runs",
                key,
                "{\"seed\": {\"company_name\": \"Globex\", \"domain\": \"globex.com\"}, \"pipeline_version\": \"v3\"}");
        assertThat(other.status()).isEqualTo(201);

        Answer byCompany = api.get("/api/v1/runs?company=TARGET", key);
        assertThat(byCompany.json().path("data").findValuesAsText("id")).containsExactly(target);
        JsonNode listed = byCompany.json().path("data").get(0);
        assertThat(listed.path("totals").path("cost_usd").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(listed.path("totals").path("tokens_input").asLong()).isEqualTo(1200);
        assertThat(listed.path("duration_ms").asLong()).isNotNegative();
        assertThat(api.get("/api/v1/runs?pipeline_version=v3", key)
                        .json()
                        .path("data")
                        .findValuesAsText("id"))
                .containsExactly(other.text("id"));
        assertThat(api.get("/api/v1/runs?until=2000-01-01T00:00:00Z", key)
                        .json()
                        .path("data")
                        .size())
                .isZero();
        assertProblem(api.get("/api/v1/runs?until=yesterday", key), 422, "until");
    }

    @Test
    void a_key_revoked_over_http_is_refused_at_once_though_it_was_just_used() {
        Answer issued = api.post("/api/v1/api-keys", ADMIN_KEY, "{\"client\": \"" + slug + "\"}");
        String fresh = issued.text("key");
        assertThat(api.get("/api/v1/runs", fresh).status()).isEqualTo(200);
        assertThat(api.send("DELETE", "/api/v1/api-keys/" + issued.text("id"), ADMIN_KEY, null)
                        .status())
                .isEqualTo(204);
        assertProblem(api.get("/api/v1/runs", fresh), 401, "revoked");
    }
}
