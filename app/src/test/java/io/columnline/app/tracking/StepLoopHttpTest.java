package io.columnline.app.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.columnline.app.TestApp;
import io.columnline.app.TestApp.Reply;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The example V2 main pipeline played through /api/v1's prepare, complete and transition, from a
 * discovery run to its published dossier, with one real-shaped answer of each LLM provider.
 */
class StepLoopHttpTest {
    @RegisterExtension
    static final TestApp APP = new TestApp();

    private static final ObjectMapper JSON = V2Scenario.JSON;
    private static final List<String> PEOPLE = V2Scenario.PEOPLE;
    private static JsonNode definition;
    private static String key;

    @BeforeAll
    static void pipeline_prompts_and_sections() {
        definition = V2Scenario.pushed(APP);
        key = APP.clientWithKey("loop-client");
    }

    private static String written(String step, String instance) {
        return V2Scenario.written(step, instance);
    }

    private static String answer(int turn, String text) {
        return V2Scenario.answer(turn, text);
    }

    private static String startDiscoveryRun(String externalId) {
        Reply started = APP.post("/api/v1/runs", key, """
            {"pipeline": "columnline-v2.main", "external_id": "%s", "triggered_by": "make.com",
             "input_data": {"scenario": 4127, "dossier_id": "DOSS_20260114_0001"}}""".formatted(externalId));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().get("pipeline").get("version").asInt()).isEqualTo(1);
        assertThat(started.json().get("seed").size()).isZero();
        return started.json().get("id").asText();
    }

    private static Reply prepare(String run, String step, String instance) {
        return APP.post(
                "/api/v1/runs/" + run + "/steps/" + step + "/prepare",
                key,
                instance == null ? "" : "{\"instance\": \"" + instance + "\"}");
    }

    private static Reply complete(String run, String step, String instance, String output) {
        ObjectNode body = JSON.createObjectNode();
        if (instance != null) {
            body.put("instance", instance);
        }
        try {
            body.set("output", JSON.readTree(output));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return APP.post("/api/v1/runs/" + run + "/steps/" + step + "/complete", key, body.toString());
    }

    @Test
    void the_v2_main_pipeline_plays_from_a_discovery_run_to_its_dossier() throws Exception {
        String run = startDiscoveryRun("RUN_20260114_002901");
        assertThat(APP.post("/api/v1/runs/RUN_20260114_002901/stages/1/start", key, "")
                        .status())
                .isEqualTo(200);

        Map<String, String> outputs = new HashMap<>();
        int turn = 0;
        List<String> steps = new ArrayList<>();
        definition.get("steps").forEach(s -> steps.add(s.get("key").asText().toLowerCase()));
        String previous = null;
        for (String step : steps) {
            boolean perContact =
                    step.equals("6_enrich_contact_individual") || step.startsWith("10a_") || step.startsWith("10b_");
            for (String instance : perContact ? PEOPLE : java.util.Collections.<String>singletonList(null)) {
                String output = answer(turn++, written(step, instance == null ? "" : instance));
                if (step.equals("2_signal_discovery")) {
                    // a transition: complete the search builder's successor and prepare the next step at once
                    Reply prepared = prepare(run, step, null);
                    assertThat(prepared.status()).as(prepared.body()).isEqualTo(201);
                    JsonNode input = prepared.json().get("input");
                    assertThat(input.get("search_builder_output").toString()).isEqualTo(outputs.get(previous));
                    assertThat(input.get("dossier_id").asText()).isEqualTo("DOSS_20260114_0001");
                    assertThat(prepared.json().get("prompt").get("template").asText())
                            .startsWith("v2.2_signal_discovery for DOSS_20260114_0001 on 20");
                    ObjectNode body = JSON.createObjectNode();
                    ObjectNode done = body.putObject("complete");
                    done.put("step_key", step);
                    done.set("output", JSON.readTree(output));
                    body.putArray("prepare").add("3_entity_research");
                    Reply moved = APP.post("/api/v1/runs/RUN_20260114_002901/transition", key, body.toString());
                    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
                    assertThat(moved.json().get("completed").get("ready").toString())
                            .contains("3_entity_research");
                    assertThat(moved.json()
                                    .get("prepared")
                                    .get(0)
                                    .get("input")
                                    .get("signal_discovery_output")
                                    .get("lead")
                                    .get("domain")
                                    .asText())
                            .isEqualTo("acmebuild.com");
                    JsonNode named = APP.get("/api/v1/runs/" + run, key).json();
                    assertThat(named.get("seed").get("company_name").asText()).isEqualTo("Acme Build");
                    assertThat(named.get("running_steps").get(0).get("step_key").asText())
                            .isEqualTo("3_entity_research");
                    outputs.put(step, moved.json().get("completed").get("clean").toString());
                    previous = step;
                    continue;
                }
                if (!step.equals("3_entity_research")) {
                    Reply prepared = prepare(run, step, instance);
                    assertThat(prepared.status())
                            .as(step + ": " + prepared.body())
                            .isEqualTo(201);
                    assertThat(prepared.json().get("model").isNull()).isFalse();
                }
                Reply completed = complete(run, step, instance, output);
                assertThat(completed.status())
                        .as(step + ": " + completed.body())
                        .isEqualTo(200);
                JsonNode c = completed.json();
                assertThat(c.get("prepared").asBoolean()).as(step).isTrue();
                assertThat(c.get("step").get("cost_source").asText()).as(step).isEqualTo("parsed");
                assertThat(c.get("step").get("tokens_input").asLong()).as(step).isPositive();
                if (step.equals("6_enrich_contacts")) {
                    assertThat(c.get("items")).hasSize(2);
                    assertThat(c.get("items").get(0).get("full_name").asText()).isEqualTo("Jane Doe");
                }
                if (step.equals("8_media")) {
                    assertThat(c.get("items").get(0).get("url").asText()).endsWith("plant.jpg");
                }
                outputs.put(step, c.get("clean").toString());
                previous = step;
            }
        }
        assertThat(APP.post("/api/v1/stages/complete", key, """
                {"run_id": "RUN_20260114_002901", "stage_number": 4, "error_summary": "one writer retried"}""")
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("failure");
        assertThat(APP.post("/api/v1/stages/complete", key, """
                {"run_id": "RUN_20260114_002901", "stage_number": 5}""")
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("success");

        Reply published =
                APP.post("/api/v1/runs/RUN_20260114_002901/publish", key, "{\"release_date\": \"2026-01-20\"}");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        Map<String, JsonNode> sections = new HashMap<>();
        published.json().get("sections").forEach(s -> sections.put(s.get("key").asText(), s.get("content")));
        JsonNode composer = JSON.readTree(outputs.get("11_dossier_composer"));
        assertThat(sections.get("find_lead")).isEqualTo(composer.get("find_lead"));
        assertThat(sections.get("insight")).isEqualTo(composer.get("insight"));
        assertThat(sections.get("copy")).isEqualTo(composer.get("copy"));
        assertThat(sections.get("enrich_lead")).isEqualTo(JSON.readTree(outputs.get("5a_enrich_lead")));
        assertThat(sections.get("media")).isEqualTo(JSON.readTree(outputs.get("8_media")));
        List<String> people = new ArrayList<>();
        published
                .json()
                .get("contacts")
                .forEach(p -> people.add(p.get("full_name").asText()));
        assertThat(people).containsExactlyInAnyOrder("Jane Doe", "Omar Haddad");

        JsonNode stepsLogged =
                APP.get("/api/v1/runs/" + run + "/steps?limit=200", key).json().get("data");
        assertThat(stepsLogged).hasSize(turn);
        stepsLogged.forEach(s -> assertThat(s.get("cost_source").asText()).isEqualTo("parsed"));
        JsonNode shown = APP.get("/api/v1/runs?external_id=RUN_20260114_002901", key)
                .json()
                .get("data");
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).get("triggered_by").asText()).isEqualTo("make.com");
        assertThat(shown.get(0).get("input_data").get("scenario").asInt()).isEqualTo(4127);
    }

    @Test
    void bad_calls_are_clear_problems_and_nothing_is_lost() throws Exception {
        String run = startDiscoveryRun("RUN_20260114_003000");
        Reply unknown = prepare(run, "99_nothing", null);
        assertThat(unknown.status()).isEqualTo(404);

        Reply missing = prepare(run, "3_entity_research", null);
        assertThat(missing.status()).isEqualTo(409);
        assertThat(missing.json().get("detail").asText()).contains("signal_discovery_output");

        Reply never = complete(run, "1_search_builder", null, answer(0, "{\"queries\": [\"acme\"]}"));
        assertThat(never.status()).as(never.body()).isEqualTo(200);
        assertThat(never.json().get("prepared").asBoolean()).isFalse();
        assertThat(never.json().get("warnings").toString()).contains("never prepared");
        assertThat(never.json().get("ready").toString()).contains("2_signal_discovery");

        assertThat(prepare(run, "2_signal_discovery", null).status()).isEqualTo(201);
        Reply malformed = complete(run, "2_signal_discovery", null, """
            {"object": "response", "model": "gpt-4.1", "usage": {"input_tokens": "many"}, "output": "cut"}""");
        assertThat(malformed.status()).as(malformed.body()).isEqualTo(200);
        assertThat(malformed.json().get("step").get("cost_source").asText()).isEqualTo("none");
        assertThat(malformed.json().get("step").get("warning").asText()).contains("usage could not be read");
        assertThat(malformed
                        .json()
                        .get("step")
                        .get("output")
                        .get("usage")
                        .get("input_tokens")
                        .asText())
                .isEqualTo("many");

        Reply publish = APP.post("/api/v1/runs/" + run + "/publish", key, "");
        assertThat(publish.status()).isEqualTo(422);
        assertThat(publish.json().get("detail").asText()).contains("no company identity");

        assertThat(APP.post("/api/v1/runs", key, "{\"external_id\": \"0b8f9a1e-6b0e-4a52-9c65-0d3f1f7c2a11\"}")
                        .status())
                .isEqualTo(422);
        Reply named = APP.patch("/api/v1/runs/RUN_20260114_003000", key, """
            {"seed": {"company_name": "Acme Build", "domain": "acmebuild.com"}}""");
        assertThat(named.status()).as(named.body()).isEqualTo(200);
        assertThat(named.json().get("seed").get("domain").asText()).isEqualTo("acmebuild.com");
    }

    @Test
    void every_provider_s_usage_is_parsed_on_the_plain_step_route_too() throws Exception {
        Reply started =
                APP.post("/api/v1/runs", key, "{\"seed\": {\"company_name\": \"Acme\", \"domain\": \"acme.com\"}}");
        String run = started.json().get("id").asText();
        String[] models = {"gpt-4.1-2025-04-14", "gpt-4o-mini", "claude-sonnet-4-20250514", "gemini-2.5-flash"};
        for (int turn = 0; turn < 4; turn++) {
            ObjectNode body = JSON.createObjectNode();
            body.put("step_key", "writer_" + turn);
            body.put("stage", "write");
            body.put("status", "success");
            body.set("output", JSON.readTree(answer(turn, "{\"ok\": true}")));
            Reply logged = APP.post("/api/v1/runs/" + run + "/steps", key, body.toString());
            assertThat(logged.status()).as(logged.body()).isEqualTo(201);
            assertThat(logged.json().get("cost_source").asText()).isEqualTo("parsed");
            assertThat(logged.json().get("model").asText()).isEqualTo(models[turn]);
            assertThat(logged.json().get("cost_usd").decimalValue()).isPositive();
        }
    }
}
