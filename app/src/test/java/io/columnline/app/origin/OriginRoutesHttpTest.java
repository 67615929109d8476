package io.columnline.app.origin;

import static io.columnline.app.TestApp.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.app.TestApp;
import io.columnline.app.TestApp.Reply;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The origin's run, stage, output, contact, prompt and health routes under {@code /columnline},
 * called as a V2 scenario calls them once its base URL and {@code X-API-Key} changed: origin
 * field names and text ids in, origin answers out, and {@code /api/v1} showing the same run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OriginRoutesHttpTest {
    @RegisterExtension
    static final TestApp APP = new TestApp();

    private String key;
    private String otherKey;

    @BeforeAll
    void aClientWithItsScenarioKey() {
        key = APP.clientWithKey("origin-example");
        otherKey = APP.clientWithKey("origin-other");
    }

    private Reply call(String method, String path, String apiKey, String body) {
        HttpRequest.Builder request = APP.request(path, null);
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return APP.send(
                body == null
                        ? request.method(method, HttpRequest.BodyPublishers.noBody())
                                .build()
                        : request.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                                .build());
    }

    private JsonNode ok(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void health_answers_with_the_scenario_key_and_never_without_one() {
        JsonNode health = ok(call("GET", "/columnline/health", key, null));
        assertThat(health.get("status").asText()).isEqualTo("healthy");
        assertThat(health.get("service").asText()).isEqualTo("columnline");
        Reply anonymous = call("GET", "/columnline/health", null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
    }

    @Test
    void a_run_started_the_origin_way_is_the_same_run_under_api_v1() {
        JsonNode started = ok(call("POST", "/columnline/runs/start", key, """
                {"client_id": "origin-example", "seed_data": {"company_name": "Contoso GmbH", "domain": "contoso.de",
                 "source": "batch"}, "make_execution": 4711}"""));
        assertThat(started.get("success").asBoolean()).isTrue();
        String runId = started.get("run_id").asText();
        assertThat(runId).matches("RUN_\\d{8}_\\d{6}(_\\d+)?");
        assertThat(started.get("client_id").asText()).isEqualTo("origin-example");
        assertThat(started.get("warnings").toString()).contains("make_execution is not used by Columnline");

        JsonNode listed = ok(call("GET", "/api/v1/runs", key, null)).get("data");
        assertThat(listed.findValuesAsText("external_id")).contains(runId);

        JsonNode status = ok(call("GET", "/columnline/runs/" + runId + "/status", key, null));
        assertThat(status.get("run_id").asText()).isEqualTo(runId);
        assertThat(status.get("status").asText()).isEqualTo("running");
        assertThat(status.get("completed_steps")).isEmpty();
    }

    @Test
    void a_discovery_run_starts_without_a_company() {
        JsonNode started = ok(call("POST", "/columnline/runs/start", key, "{\"client_id\": \"origin-example\"}"));
        assertThat(started.get("warnings")).isEmpty();
        JsonNode status =
                ok(call("GET", "/columnline/runs/" + started.get("run_id").asText() + "/status", key, null));
        assertThat(status.get("status").asText()).isEqualTo("running");
    }

    @Test
    void stages_by_number_steps_outputs_contacts_and_the_end_of_a_run_by_the_scenario_s_own_id() {
        String runId = "RUN_20260114_002901";
        String create = """
                {"run_id": "RUN_20260114_002901", "client_id": "origin-example", "status": "running",
                 "seed_data": {"company_name": "Fabrikam AG", "domain": "fabrikam.ch"}, "triggered_by": "make.com"}""";
        JsonNode created = ok(call("POST", "/columnline/runs", key, create));
        assertThat(created.get("data").get("run_id").asText()).isEqualTo(runId);
        assertThat(created.get("warnings")).isEmpty();
        assertThat(ok(call("POST", "/columnline/runs", key, create))
                        .get("message")
                        .asText())
                .isEqualTo("run already exists");
        String uuid = ok(call("GET", "/api/v1/runs", key, null)).get("data").findParents("external_id").stream()
                .filter(r -> r.get("external_id").asText().equals(runId))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asText();

        JsonNode stage1 = ok(call("POST", "/columnline/stages/start", key, """
                {"run_id": "RUN_20260114_002901", "stage_number": 1, "stage_name": "search_signal"}"""));
        assertThat(stage1.get("stage_number").asInt()).isEqualTo(1);
        assertThat(stage1.get("stage_name").asText()).isEqualTo("search_signal");
        JsonNode done1 = ok(call("POST", "/columnline/stages/complete", key, """
                {"run_id": "RUN_20260114_002901", "stage_number": 1}"""));
        assertThat(done1.get("status").asText()).isEqualTo("completed");
        assertThat(done1.get("duration_seconds").isNumber()).isTrue();
        ok(call("POST", "/columnline/stages/start", key, "{\"run_id\": \"" + runId + "\", \"stage_number\": 2}"));
        JsonNode failed2 = ok(call("POST", "/columnline/stages/complete", key, """
                {"run_id": "RUN_20260114_002901", "stage_number": 2, "error_message": "deep research timed out"}"""));
        assertThat(failed2.get("status").asText()).isEqualTo("failed");
        assertThat(failed2.get("stage_name").asText()).isEqualTo("entity_research");

        JsonNode run = ok(call("GET", "/api/v1/runs/" + uuid, key, null));
        assertThat(run.get("stages").findValuesAsText("status")).containsExactly("success", "failure");

        assertThat(call("POST", "/api/v1/runs/" + uuid + "/steps", key, """
                        {"step_key": "1_search_builder", "stage": "search_signal", "model": "o4-mini",
                         "tokens_input": 1200, "tokens_output": 300, "latency_ms": 4500, "status": "success",
                         "output": {"queries": ["fabrikam expansion 2026"]}}""").status())
                .isEqualTo(201);
        JsonNode poll = ok(call(
                "GET", "/columnline/pipeline_logs/" + runId + "/completed?step_name=2_SIGNAL_DISCOVERY", key, null));
        assertThat(poll.get("found").asBoolean()).isFalse();
        JsonNode found = ok(
                call("GET", "/columnline/pipeline_logs/" + runId + "/completed?step_name=1_SEARCH_BUILDER", key, null));
        assertThat(found.get("found").asBoolean()).isTrue();
        assertThat(found.at("/step/step_name").asText()).isEqualTo("1_SEARCH_BUILDER");
        assertThat(found.at("/step/step_id").asText()).isEqualTo("STEP_RUN_20260114_002901_01");

        JsonNode outputs = ok(
                call("GET", "/columnline/outputs/" + runId + "?steps=1_SEARCH_BUILDER,3_ENTITY_RESEARCH", key, null));
        JsonNode search = outputs.at("/outputs/1_SEARCH_BUILDER");
        assertThat(search.at("/output/queries/0").asText()).isEqualTo("fabrikam expansion 2026");
        assertThat(search.get("tokens_used").asLong()).isEqualTo(1500);
        assertThat(search.get("runtime_seconds").asDouble()).isEqualTo(4.5);
        assertThat(outputs.get("outputs").has("3_ENTITY_RESEARCH")).isFalse();
        assertThat(ok(call("GET", "/columnline/runs/" + runId + "/status", key, null))
                        .get("completed_steps")
                        .toString())
                .isEqualTo("[\"1_SEARCH_BUILDER\"]");

        assertThat(call("POST", "/api/v1/runs/" + uuid + "/contacts", key, """
                        {"contacts": [{"full_name": "Anna Meier", "work_email": "anna@fabrikam.ch"}]}""").status())
                .isLessThan(300);
        JsonNode people = ok(call("GET", "/columnline/contacts/" + runId, key, null));
        assertThat(people.get("count").asInt()).isEqualTo(1);
        assertThat(people.at("/contacts/0/full_name").asText()).isEqualTo("Anna Meier");

        JsonNode ended = ok(call("PUT", "/columnline/runs/" + runId, key, """
                {"status": "completed", "completed_at": "2026-01-14T00:59:00Z"}"""));
        assertThat(ended.at("/data/status").asText()).isEqualTo("completed");
        assertThat(ok(call("GET", "/api/v1/runs/" + uuid, key, null))
                        .get("status")
                        .asText())
                .isEqualTo("completed");
    }

    @Test
    void a_client_carries_the_origin_s_id_and_configs_and_the_scenario_names_it_so() {
        assertThat(APP.put("/api/v1/clients/example", ADMIN_KEY, """
                        {"name": "Example Client", "external_id": "CLT_EXAMPLE_001",
                         "icp_config": {"segments": ["fintech"]},
                         "configs": {"icp_config_compressed": {"segments": ["fintech"], "size": "50-500"},
                                     "industry_research_compressed": "Fintech in DACH: consolidating.",
                                     "drip_schedule": {"days": [1, 3, 7]}}}""").status()).isEqualTo(201);
        String exampleKey = APP.post("/api/v1/api-keys", ADMIN_KEY, "{\"client\": \"example\"}")
                .json()
                .get("key")
                .asText();
        JsonNode configs = ok(call("GET", "/columnline/configs/CLT_EXAMPLE_001", exampleKey, null));
        assertThat(configs.at("/client/client_id").asText()).isEqualTo("CLT_EXAMPLE_001");
        assertThat(configs.at("/client/client_name").asText()).isEqualTo("Example Client");
        assertThat(configs.at("/client/icp_config_compressed/size").asText()).isEqualTo("50-500");
        assertThat(configs.at("/client/industry_research_compressed").asText()).startsWith("Fintech in DACH");
        assertThat(configs.at("/client/drip_schedule/days").toString()).isEqualTo("[1,3,7]");
        assertThat(configs.at("/client/batch_strategy").isNull()).isTrue();
        assertThat(configs.get("prompts").isArray()).isTrue();
        assertThat(call("GET", "/columnline/configs/CLT_EXAMPLE_001", key, null).status())
                .isEqualTo(404);

        JsonNode started = ok(call("POST", "/columnline/runs/start", exampleKey, """
                {"client_id": "CLT_EXAMPLE_001", "seed_data": {"company_name": "Litware", "domain": "litware.example"}}"""));
        assertThat(started.get("client_id").asText()).isEqualTo("CLT_EXAMPLE_001");

        Reply taken = APP.put("/api/v1/clients/copycat", ADMIN_KEY, """
                {"name": "Copycat", "external_id": "CLT_EXAMPLE_001"}""");
        assertThat(taken.status()).isEqualTo(409);
        Reply unknown = APP.put("/api/v1/clients/example", ADMIN_KEY, "{\"configs\": {\"icp\": 1}}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("configs.icp");
        JsonNode merged = ok(APP.put("/api/v1/clients/example", ADMIN_KEY, """
                {"configs": {"drip_schedule": null, "batch_strategy": "two per segment"}}"""));
        assertThat(merged.at("/configs/drip_schedule").isMissingNode()).isTrue();
        assertThat(merged.at("/configs/batch_strategy").asText()).isEqualTo("two per segment");
        assertThat(merged.at("/configs/icp_config_compressed/size").asText()).isEqualTo("50-500");
    }

    @Test
    void publish_by_the_scenario_s_run_id_answers_the_origin_s_fields_with_columnline_s_ids() {
        assertThat(APP.put("/api/v1/section-definitions/origin_summary", ADMIN_KEY, """
                        {"title": "Summary", "position": 1, "writer_prompt_key": "v2.11_dossier_composer",
                         "required": true, "schema": {"type": "object", "required": ["headline"]}}""")
                        .status())
                .isLessThan(300);
        ok(call("POST", "/columnline/runs", key, """
                {"run_id": "RUN_20260114_120000", "client_id": "origin-example",
                 "seed_data": {"company_name": "Adatum", "domain": "adatum.example"}}"""));
        String uuid = ok(call("GET", "/columnline/runs/RUN_20260114_120000/status", key, null))
                .get("run_id")
                .asText();
        assertThat(uuid).isEqualTo("RUN_20260114_120000");
        String id = ok(call("GET", "/api/v1/runs", key, null)).get("data").findParents("external_id").stream()
                .filter(r -> r.get("external_id").asText().equals("RUN_20260114_120000"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asText();
        assertThat(call("POST", "/api/v1/runs/" + id + "/steps", key, """
                        {"step_key": "11_dossier_composer", "stage": "publish", "section": "origin_summary",
                         "status": "success", "output": {"headline": "Adatum expands to Basel"}}""").status())
                .isEqualTo(201);
        call("POST", "/api/v1/runs/" + id + "/contacts", key, """
                {"contacts": [{"full_name": "Jonas Berg", "work_email": "jonas@adatum.example"}]}""");

        String body = "{\"release_date\": \"2099-01-05\", \"notify\": true}";
        JsonNode published = ok(call("POST", "/columnline/publish/RUN_20260114_120000", key, body));
        assertThat(published.get("success").asBoolean()).isTrue();
        assertThat(published.get("run_id").asText()).isEqualTo("RUN_20260114_120000");
        assertThat(published.get("release_date").asText()).isEqualTo("2099-01-05");
        assertThat(published.get("released_at").isNull()).isTrue();
        assertThat(published.get("contacts_created").asInt()).isEqualTo(1);
        assertThat(published.get("pipeline_version").asText()).isEqualTo("v2");
        assertThat(published.at("/rendered/origin_summary/headline").asText()).isEqualTo("Adatum expands to Basel");
        assertThat(published.get("warnings").toString()).contains("notify");
        String dossier = published.get("production_dossier_id").asText();
        JsonNode shown = ok(call("GET", "/api/v1/dossiers/" + dossier, ADMIN_KEY, null));
        assertThat(shown.get("run_id").asText()).isEqualTo(id);
        assertThat(ok(call("POST", "/columnline/publish/RUN_20260114_120000", key, body))
                        .get("production_dossier_id")
                        .asText())
                .isEqualTo(dossier);
        assertThat(call("POST", "/columnline/publish/RUN_20260114_120000", key, "{\"release_date\": \"soon\"}")
                        .status())
                .isEqualTo(422);
    }

    @Test
    void a_prompt_by_its_slug_in_either_case() {
        assertThat(APP.put("/api/v1/prompts/v2.1_search_builder", ADMIN_KEY, """
                        {"template": "Build searches for {{icp_config_compressed}}", "model": "o4-mini"}""")
                        .status())
                .isIn(200, 201);
        JsonNode prompt = ok(call("GET", "/columnline/prompts/V2.1_SEARCH_BUILDER", key, null));
        assertThat(prompt.get("prompt_slug").asText()).isEqualTo("V2.1_SEARCH_BUILDER");
        assertThat(prompt.get("prompt_id").asText()).isEqualTo("v2.1_search_builder@1");
        assertThat(prompt.get("prompt_template").asText()).isEqualTo("Build searches for {{icp_config_compressed}}");
        assertThat(prompt.get("model_used").asText()).isEqualTo("o4-mini");
        assertThat(call("GET", "/columnline/prompts/nothing-here", key, null).status())
                .isEqualTo(404);
    }

    @Test
    void bad_origin_bodies_are_clear_problems_and_another_client_s_run_is_not_found() {
        Reply noRun = call("POST", "/columnline/stages/start", key, "{\"stage_number\": 1}");
        assertThat(noRun.status()).isEqualTo(422);
        assertThat(noRun.body()).contains("run_id");
        ok(call("POST", "/columnline/runs", key, """
                {"run_id": "RUN_20260114_110000", "client_id": "origin-example",
                 "seed_data": {"company_name": "Tailspin", "domain": "tailspin.example"}}"""));
        Reply badStage = call(
                "POST", "/columnline/stages/start", key, "{\"run_id\": \"RUN_20260114_110000\", \"stage_number\": 9}");
        assertThat(badStage.status()).isEqualTo(422);
        assertThat(badStage.body()).contains("stage_number");
        Reply noSeed =
                call("POST", "/columnline/runs/start", key, "{\"client_id\": \"origin-example\", \"seed_data\": 3}");
        assertThat(noSeed.status()).isEqualTo(422);
        Reply notAnObject = call("POST", "/columnline/runs/start", key, "[1]");
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(call("GET", "/columnline/runs/RUN_19990101_000000/status", key, null)
                        .status())
                .isEqualTo(404);
        Reply other = call("GET", "/columnline/runs/RUN_20260114_110000/status", otherKey, null);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.isProblem()).isTrue();
        Reply otherOutputs = call("GET", "/columnline/outputs/RUN_20260114_110000", otherKey, null);
        assertThat(otherOutputs.status()).isEqualTo(404);
    }
}
