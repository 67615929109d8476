package io.columnline.app.origin;

import static io.columnline.app.TestApp.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.columnline.app.TestApp;
import io.columnline.app.TestApp.Reply;
import io.columnline.app.tracking.V2Scenario;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The V2 main pipeline played through {@code /columnline/...} as the scenarios call it, with only
 * the base URL and {@code X-API-Key} changed: a discovery run, prepare, complete, transition and
 * pipeline_logs for every step with real-shaped provider answers, per-contact instances, stages by
 * number, and publish. The same outputs through {@code /api/v1}'s prepare and complete give the
 * same dossier.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OriginPipelineEndToEndTest {
    @RegisterExtension
    static final TestApp APP = new TestApp();

    private static final ArrayNode NONE = V2Scenario.JSON.createArrayNode();

    private JsonNode definition;
    private String key;

    @BeforeAll
    void theV2PipelineAndAClientThatFollowsIt() {
        definition = V2Scenario.pushed(APP);
        key = APP.clientWithKey("origin-v2");
        Reply client = APP.put("/api/v1/clients/origin-v2", ADMIN_KEY, """
            {"name": "Example Client", "timezone": "UTC", "external_id": "CLT_EXAMPLE_001",
             "default_pipeline": "columnline-v2.main",
             "industry_research": {"market": "DACH construction", "growth": 0.04},
             "configs": {"icp_config_compressed": "mid-size builders in DACH",
                         "industry_research_compressed": "construction demand up 4%"}}""");
        assertThat(client.status()).as(client.body()).isEqualTo(200);
        assertThat(client.json().get("default_pipeline").asText()).isEqualTo("columnline-v2.main");
    }

    @Test
    void the_configs_answer_industry_research_as_the_json_object_it_was_sent_as() {
        JsonNode configs =
                ok("GET", "/columnline/configs/CLT_EXAMPLE_001", null).get("client");
        assertThat(configs.get("industry_research").get("market").asText()).isEqualTo("DACH construction");
        assertThat(configs.get("research_context").asText()).isEmpty();
        assertThat(configs.get("icp_config_compressed").asText()).isEqualTo("mid-size builders in DACH");
    }

    private Reply call(String method, String path, String body) {
        HttpRequest.Builder request = APP.request(path, null).header("X-API-Key", key);
        return APP.send(request.method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    private JsonNode ok(String method, String path, String body) {
        Reply reply = call(method, path, body);
        assertThat(reply.status()).as(method + " " + path + ": " + reply.body()).isEqualTo(200);
        return reply.json();
    }

    /**
     * The name the scenario calls a step by: its key in upper case, but CLAIMS_EXTRACTION for the
     * claims that follow contact discovery and the client-specific research (the origin's one
     * claims step, which Columnline resolves to the claims of the newest research step).
     */
    private static String upper(String step) {
        if (step.equals("claims_contact_discovery") || step.equals("claims_client_specific")) {
            return "CLAIMS_EXTRACTION";
        }
        return step.toUpperCase(java.util.Locale.ROOT);
    }

    private static JsonNode read(String json) {
        try {
            return V2Scenario.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_main_pipeline_plays_through_the_origin_routes_and_gives_the_api_v1_dossier() {
        JsonNode started = ok("POST", "/columnline/runs/start", "{\"client_id\": \"CLT_EXAMPLE_001\"}");
        String runId = started.get("run_id").asText();
        String dossierId = started.get("dossier_id").asText();
        assertThat(dossierId).matches("DOSS_\\d{8}_\\d{6}(_\\d+)?");
        assertThat(started.get("warnings")).isEmpty();
        ok("POST", "/columnline/stages/start", "{\"run_id\": \"" + runId + "\", \"stage_number\": 1}");

        // 1: prepare, as the scenario does, naming the step in upper case
        JsonNode prepared = ok("POST", "/columnline/steps/prepare", """
            {"run_id": "%s", "client_id": "CLT_EXAMPLE_001", "dossier_id": "%s",
             "step_names": ["1_SEARCH_BUILDER"]}""".formatted(runId, dossierId));
        JsonNode first = prepared.get("steps").get(0);
        assertThat(first.get("step_name").asText()).isEqualTo("1_SEARCH_BUILDER");
        assertThat(first.get("step_id").asText()).isEqualTo("STEP_" + runId + "_01");
        assertThat(first.get("model_used").asText()).isEqualTo("o4-mini");
        assertThat(first.get("input").get("dossier_id").asText()).isEqualTo(dossierId);
        assertThat(first.get("input").get("icp_config_compressed").asText()).isEqualTo("mid-size builders in DACH");
        assertThat(first.get("prompt_template").asText()).startsWith("v2.1_search_builder for " + dossierId);

        // 1 → 2: one transition completes the search builder and prepares signal discovery
        Map<String, String> outputs = new HashMap<>();
        int turn = 0;
        ObjectNode transition = V2Scenario.JSON.createObjectNode();
        transition.put("run_id", runId);
        transition.put("client_id", "CLT_EXAMPLE_001");
        transition.put("dossier_id", dossierId);
        transition.put("completed_step_name", "1_SEARCH_BUILDER");
        transition.put("completed_step_id", first.get("step_id").asText());
        transition.set(
                "completed_step_output", read(V2Scenario.answer(turn++, V2Scenario.written("1_search_builder", ""))));
        transition.put("next_step_name", "2_SIGNAL_DISCOVERY");
        JsonNode moved = ok("POST", "/columnline/steps/transition", transition.toString());
        assertThat(moved.get("completed_step").get("status").asText()).isEqualTo("completed");
        assertThat(moved.get("tokens_used").asLong()).isEqualTo(1500);
        assertThat(moved.get("runtime_seconds").asDouble()).isEqualTo(12.0);
        JsonNode next = moved.get("next_step");
        assertThat(next.get("step_name").asText()).isEqualTo("2_SIGNAL_DISCOVERY");
        assertThat(next.get("input").get("search_builder_output"))
                .isEqualTo(moved.get("completed_step").get("clean_output"));
        outputs.put(
                "1_search_builder",
                moved.get("completed_step").get("clean_output").toString());

        for (String step : V2Scenario.steps(definition)) {
            if (step.equals("1_search_builder")) {
                continue;
            }
            for (String instance :
                    V2Scenario.perContact(step) ? V2Scenario.PEOPLE : Collections.<String>singletonList(null)) {
                String output = V2Scenario.answer(turn++, V2Scenario.written(step, instance == null ? "" : instance));
                if (step.equals("3_entity_research")) {
                    // a step whose input the scenario builds itself: pipeline_logs, running, then finished by its id
                    String stepId = "STEP_" + runId + "_90";
                    JsonNode logged = ok("POST", "/columnline/pipeline_logs", """
                        {"step_id": "%s", "run_id": "%s", "prompt_id": "PRM_ENTITY", "step_name": "3_ENTITY_RESEARCH",
                         "status": "running", "input": {"company": "Acme Build"}, "model_used": "o4-mini-deep-research"}""".formatted(stepId, runId));
                    assertThat(logged.get("data").get("status").asText()).isEqualTo("running");
                    assertThat(logged.get("data").get("step_id").asText()).isEqualTo(stepId);
                    JsonNode polled = ok(
                            "GET",
                            "/columnline/pipeline_logs/" + runId + "/completed?step_name=3_ENTITY_RESEARCH",
                            null);
                    assertThat(polled.get("found").asBoolean()).isFalse();
                    ObjectNode put = V2Scenario.JSON.createObjectNode();
                    put.put("status", "completed");
                    put.set("output", read(output));
                    JsonNode finished = ok("PUT", "/columnline/pipeline_logs/" + stepId, put.toString());
                    assertThat(finished.get("data").get("status").asText()).isEqualTo("completed");
                    assertThat(finished.get("data").get("input").get("company").asText())
                            .isEqualTo("Acme Build");
                    assertThat(finished.get("data").get("cost_source").asText()).isEqualTo("parsed");
                    outputs.put(step, V2Scenario.written(step, ""));
                    continue;
                }
                if (!step.equals("2_signal_discovery")) {
                    ObjectNode body = V2Scenario.JSON.createObjectNode();
                    body.put("run_id", runId);
                    body.put("dossier_id", dossierId);
                    ObjectNode named = body.putArray("step_names").addObject();
                    named.put("step_name", upper(step));
                    if (instance != null) {
                        named.put("instance", instance);
                    }
                    JsonNode ready = ok("POST", "/columnline/steps/prepare", body.toString());
                    assertThat(ready.get("steps").get(0).get("model_used").isNull())
                            .as(step)
                            .isFalse();
                }
                ObjectNode body = V2Scenario.JSON.createObjectNode();
                body.put("run_id", runId);
                ObjectNode item = body.putArray("outputs").addObject();
                item.put("step_name", upper(step));
                item.set("output", read(output));
                if (instance != null) {
                    item.put("instance", instance);
                }
                JsonNode completed = ok("POST", "/columnline/steps/complete", body.toString());
                JsonNode done = completed.get("steps_completed").get(0);
                assertThat(done.get("step_name").asText()).isEqualTo(upper(step));
                assertThat(done.get("cost_source").asText()).as(step).isEqualTo("parsed");
                if (step.equals("2_signal_discovery")) {
                    JsonNode status = ok("GET", "/columnline/runs/" + runId + "/status", null);
                    assertThat(status.get("completed_steps").toString()).contains("2_SIGNAL_DISCOVERY");
                    assertThat(ok("GET", "/api/v1/runs/" + runId, null)
                                    .get("seed")
                                    .get("company_name")
                                    .asText())
                            .isEqualTo("Acme Build");
                }
                if (step.equals("6_enrich_contacts")) {
                    List<String> people = new ArrayList<>();
                    completed
                            .get("contacts")
                            .forEach(p -> people.add(p.get("full_name").asText()));
                    assertThat(people).containsExactly("Jane Doe", "Omar Haddad");
                }
                if (step.equals("8_media")) {
                    assertThat(completed.get("media_data").get(0).get("url").asText())
                            .endsWith("plant.jpg");
                }
                outputs.put(step, done.get("clean_output").toString());
            }
        }
        ok("POST", "/columnline/stages/start", "{\"run_id\": \"" + runId + "\", \"stage_number\": 4}");
        JsonNode failedStage = ok("POST", "/columnline/stages/complete", """
            {"run_id": "%s", "stage_number": 4, "error_message": "one writer retried"}""".formatted(runId));
        assertThat(failedStage.get("status").asText()).isEqualTo("failed");

        JsonNode published = ok("POST", "/columnline/publish/" + runId, "{\"release_date\": \"2026-01-20\"}");
        assertThat(published.get("release_date").asText()).isEqualTo("2026-01-20");
        assertThat(published.get("contacts_created").asInt()).isEqualTo(2);
        assertThat(published.get("dossier_id").asText()).isEqualTo(dossierId);
        String production = published.get("production_dossier_id").asText();
        assertThat(ok("GET", "/api/v1/dossiers/" + production, null)
                        .get("external_id")
                        .asText())
                .isEqualTo(dossierId);
        JsonNode rendered = published.get("rendered");
        JsonNode composer = read(outputs.get("11_dossier_composer"));
        assertThat(rendered.get("find_lead")).isEqualTo(composer.get("find_lead"));
        assertThat(rendered.get("copy")).isEqualTo(composer.get("copy"));
        assertThat(rendered.get("enrich_lead")).isEqualTo(read(outputs.get("5a_enrich_lead")));
        assertThat(rendered.get("media")).isEqualTo(read(outputs.get("8_media")));

        JsonNode steps =
                ok("GET", "/api/v1/runs/" + runId + "/steps?limit=200", null).get("data");
        assertThat(steps).hasSize(turn);
        steps.forEach(s -> assertThat(s.get("cost_source").asText())
                .as(s.get("step_key").asText())
                .isEqualTo("parsed"));
        JsonNode shown = ok("GET", "/api/v1/runs/" + runId, null);
        assertThat(shown.get("external_id").asText()).isEqualTo(runId);
        assertThat(shown.get("status").asText()).isEqualTo("published");
        assertThat(shown.get("pipeline").get("key").asText()).isEqualTo("columnline-v2.main");

        // the same outputs through /api/v1's prepare and complete give the same dossier
        JsonNode twin = viaApiV1();
        for (String section : List.of("find_lead", "enrich_lead", "insight", "copy", "media")) {
            assertThat(twin.get(section)).as(section).isEqualTo(rendered.get(section));
        }
    }

    /** The sections of a dossier published from the same outputs, driven through /api/v1. */
    private JsonNode viaApiV1() {
        Reply started = APP.post("/api/v1/runs", key, "{\"pipeline\": \"columnline-v2.main\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String run = started.json().get("id").asText();
        int turn = 0;
        for (String step : V2Scenario.steps(definition)) {
            for (String instance :
                    V2Scenario.perContact(step) ? V2Scenario.PEOPLE : Collections.<String>singletonList(null)) {
                String output = V2Scenario.answer(turn++, V2Scenario.written(step, instance == null ? "" : instance));
                String instanceField = instance == null ? "" : "\"instance\": \"" + instance + "\"";
                Reply prepared =
                        APP.post("/api/v1/runs/" + run + "/steps/" + step + "/prepare", key, "{" + instanceField + "}");
                assertThat(prepared.status()).as(step + ": " + prepared.body()).isEqualTo(201);
                ObjectNode body = V2Scenario.JSON.createObjectNode();
                if (instance != null) {
                    body.put("instance", instance);
                }
                body.set("output", read(output));
                Reply completed =
                        APP.post("/api/v1/runs/" + run + "/steps/" + step + "/complete", key, body.toString());
                assertThat(completed.status())
                        .as(step + ": " + completed.body())
                        .isEqualTo(200);
            }
        }
        Reply published = APP.post("/api/v1/runs/" + run + "/publish", key, "{\"release_date\": \"2026-01-20\"}");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        ObjectNode sections = V2Scenario.JSON.createObjectNode();
        published.json().get("sections").forEach(s -> sections.set(s.get("key").asText(), s.get("content")));
        return sections;
    }

    @Test
    void bad_origin_calls_are_clear_problems_or_warnings_and_nothing_is_lost() {
        String runId = ok("POST", "/columnline/runs/start", "{\"client_id\": \"CLT_EXAMPLE_001\"}")
                .get("run_id")
                .asText();
        Reply unknown = call("POST", "/columnline/steps/prepare", """
            {"run_id": "%s", "step_names": ["99_NOTHING"]}""".formatted(runId));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();

        Reply missing = call("POST", "/columnline/steps/prepare", """
            {"run_id": "%s", "step_names": ["1_SEARCH_BUILDER", "3_ENTITY_RESEARCH"]}""".formatted(runId));
        assertThat(missing.status()).isEqualTo(409);
        assertThat(missing.json().get("detail").asText()).contains("signal_discovery_output");
        assertThat(ok("GET", "/api/v1/runs/" + runId + "/steps", null).get("data"))
                .as("a refused prepare records no running step, not even of the steps before it")
                .isEmpty();

        Reply noOutputs = call("POST", "/columnline/steps/complete", "{\"run_id\": \"" + runId + "\"}");
        assertThat(noOutputs.status()).isEqualTo(422);
        assertThat(noOutputs.json().toString()).contains("outputs");

        // never prepared: logged and accepted; sent again (a retry after a lost answer): the same step
        String body = """
            {"run_id": "%s", "outputs": [{"step_name": "1_SEARCH_BUILDER", "output": %s, "tokens_used": 40,
              "confidence": 0.9}]}""".formatted(runId, V2Scenario.answer(1, "{\"queries\": [\"acme\"]}"));
        JsonNode accepted = ok("POST", "/columnline/steps/complete", body);
        assertThat(accepted.get("warnings").toString())
                .contains("never prepared")
                .contains("outputs[0].confidence is not used");
        JsonNode again = ok("POST", "/columnline/steps/complete", body);
        assertThat(again.get("warnings").toString()).contains("nothing written");
        assertThat(again.get("steps_completed").get(0).get("attempt").asInt())
                .isEqualTo(accepted.get("steps_completed").get(0).get("attempt").asInt());
        assertThat(ok("GET", "/api/v1/runs/" + runId + "/steps", null).get("data"))
                .hasSize(1);

        // a step the pipeline does not define is logged through pipeline_logs all the same
        JsonNode logged = ok("POST", "/columnline/pipeline_logs", """
            {"run_id": "%s", "step_name": "X_SIDE_NOTE", "status": "completed", "output": {"note": "kept"},
             "tokens_used": 12, "runtime_seconds": "1.5"}""".formatted(runId));
        assertThat(logged.get("data").get("status").asText()).isEqualTo("completed");
        assertThat(logged.get("data").get("runtime_seconds").asDouble()).isEqualTo(1.5);
        assertThat(logged.get("warnings").toString()).contains("not in pipeline");

        Reply badSeconds = call(
                "PUT",
                "/columnline/pipeline_logs/STEP_" + runId + "_02",
                "{\"runtime_seconds\": \"soon\", \"output\": {}}");
        assertThat(badSeconds.status()).isEqualTo(422);
        Reply noSuchLog = call("PUT", "/columnline/pipeline_logs/STEP_" + runId + "_77", "{\"output\": {}}");
        assertThat(noSuchLog.status()).isEqualTo(404);
        Reply notAnId = call("PUT", "/columnline/pipeline_logs/whatever", "{\"output\": {}}");
        assertThat(notAnId.status()).isEqualTo(404);

        Reply malformed = call("POST", "/columnline/steps/complete", """
            {"run_id": "%s", "outputs": [{"step_name": "2_SIGNAL_DISCOVERY",
              "output": {"object": "response", "model": "gpt-4.1", "usage": {"input_tokens": "many"}}}]}""".formatted(runId));
        assertThat(malformed.status()).as(malformed.body()).isEqualTo(200);
        assertThat(malformed
                        .json()
                        .get("steps_completed")
                        .get(0)
                        .get("cost_source")
                        .asText())
                .isEqualTo("none");
        assertThat(malformed.json().get("warnings").toString()).contains("usage could not be read");
        assertThat(malformed.json().get("contacts")).isEqualTo(NONE);
    }
}
