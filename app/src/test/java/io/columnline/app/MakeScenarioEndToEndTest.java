package io.columnline.app;

import static io.columnline.app.TestApp.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Make.com scenario from start to finish over HTTP against the whole Dagger graph on
 * PostgreSQL: an operator sets up a client, the scenario starts a run, marks stages, logs LLM
 * steps one by one and in a batch, reads an earlier step back, retries a call, and finishes.
 */
class MakeScenarioEndToEndTest {
    @RegisterExtension
    static final TestApp APP = new TestApp();

    @Test
    void a_research_run_from_first_stage_to_completed_totals() {
        // the operator: a client with its profile, a key for its scenario, a price for a new model
        assertThat(APP.put("/api/v1/clients/northwind", ADMIN_KEY, """
        {"name": "Northwind", "timezone": "Europe/Berlin", "icp_config": {"segments": ["fintech"]},
         "research_context": "DACH mid-market"}""").status())
                .isEqualTo(201);
        String key = APP.post("/api/v1/api-keys", ADMIN_KEY, "{\"client\": \"northwind\"}")
                .json()
                .get("key")
                .asText();
        assertThat(APP.put(
                                "/api/v1/model-prices/house-model",
                                ADMIN_KEY,
                                "{\"input_per_million_usd\": 2, \"output_per_million_usd\": 8}")
                        .status())
                .isIn(200, 201);

        // the scenario starts; Make.com retries the start after a timeout with the same execution id
        String start = """
        {"seed": {"company_name": "Contoso GmbH", "domain": "https://www.contoso.de/about"},
         "external_id": "make-exec-4711"}""";
        JsonNode run = APP.post("/api/v1/runs", key, start).json();
        String runId = run.get("id").asText();
        assertThat(run.get("status").asText()).isEqualTo("running");
        assertThat(run.get("pipeline_version").asText()).isEqualTo("v2");
        assertThat(APP.post("/api/v1/runs", key, start).json().get("id").asText())
                .isEqualTo(runId);

        // stage research with two steps; the first one is sent twice (a retry) and stored once
        assertThat(APP.post("/api/v1/runs/" + runId + "/stages/research/start", key, "{}")
                        .status())
                .isIn(200, 201);
        String claims = """
        {"step_key": "research.claims", "stage": "research", "model": "house-model", "tokens_input": 1000000,
         "tokens_output": 500000, "latency_ms": 1200, "status": "success", "input": {"q": "Contoso"},
         "output": {"claims": ["founded 1999", "120 employees"]}}""";
        assertThat(APP.post("/api/v1/runs/" + runId + "/steps", key, claims).status())
                .isEqualTo(201);
        assertThat(APP.post("/api/v1/runs/" + runId + "/steps", key, claims).status())
                .isEqualTo(200);
        assertThat(APP.post("/api/v1/runs/" + runId + "/steps", key, """
        {"step_key": "research.news", "stage": "research", "model": "unknown-model", "tokens_input": 10,
         "tokens_output": 5, "status": "failure", "error": "rate limited"}""").status())
                .isEqualTo(201);
        assertThat(APP.post(
                                "/api/v1/runs/" + runId + "/stages/research/complete",
                                key,
                                "{\"status\": \"success\", \"output_refs\": [\"research.claims\"]}")
                        .status())
                .isEqualTo(200);

        // the old flat stage routes still work for scenarios that only changed their base URL
        assertThat(APP.post("/api/v1/stages/start", key, "{\"run_id\": \"" + runId + "\", \"stage\": \"writers\"}")
                        .status())
                .isIn(200, 201);
        var batch = APP.post("/api/v1/runs/" + runId + "/steps/batch", key, """
        {"steps": [
          {"step_key": "writer.overview", "stage": "writers", "section": "overview", "cost_usd": 0.25,
           "tokens_input": 100, "tokens_output": 50, "status": "success", "output": {"summary": "Contoso makes things"}},
          {"step_key": "writer.people", "stage": "writers", "section": "people", "cost_usd": 0.5,
           "tokens_input": 200, "tokens_output": 80, "status": "success", "output": {"people": []}}
        ]}""");
        assertThat(batch.status()).isIn(200, 201);
        assertThat(APP.post(
                                "/api/v1/stages/complete",
                                key,
                                "{\"run_id\": \"" + runId + "\", \"stage\": \"writers\", \"status\": \"success\"}")
                        .status())
                .isEqualTo(200);

        // a later module reads an earlier step's output back
        JsonNode earlier =
                APP.get("/api/v1/runs/" + runId + "/steps/research.claims", key).json();
        assertThat(earlier.get("output").get("claims").get(1).asText()).isEqualTo("120 employees");
        assertThat(earlier.get("cost_usd").decimalValue()).isEqualByComparingTo("6");
        assertThat(earlier.get("cost_source").asText()).isEqualTo("priced");
        JsonNode failed = APP.get("/api/v1/runs/" + runId + "/steps?status=failure", key)
                .json()
                .get("data");
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).get("cost_source").asText()).isEqualTo("unknown_model");

        // the run finishes; its totals add up per stage and for the run
        assertThat(APP.post("/api/v1/runs/" + runId + "/complete", key, "{}").status())
                .isEqualTo(200);
        JsonNode done = APP.get("/api/v1/runs/" + runId, key).json();
        assertThat(done.get("status").asText()).isEqualTo("completed");
        JsonNode totals = done.get("totals");
        assertThat(totals.get("steps").get("total").asLong()).isEqualTo(4);
        assertThat(totals.get("steps").get("failure").asLong()).isEqualTo(1);
        assertThat(totals.get("tokens_input").asLong()).isEqualTo(1_000_310);
        assertThat(totals.get("cost_usd").decimalValue()).isEqualByComparingTo("6.75");
        assertThat(done.get("stages")).extracting(s -> s.get("stage").asText()).contains("research", "writers");

        // a finished run takes no more steps, and another client's key cannot see it
        var late = APP.post("/api/v1/runs/" + runId + "/steps", key, claims.replace("research.claims", "late"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.isProblem()).isTrue();
        String otherKey = APP.clientWithKey("other-agency");
        assertThat(APP.get("/api/v1/runs/" + runId, otherKey).status()).isEqualTo(404);
        assertThat(APP.get("/api/v1/runs?client=northwind", key).json().get("data"))
                .hasSize(1);
    }
}
