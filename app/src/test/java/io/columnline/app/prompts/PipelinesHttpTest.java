package io.columnline.app.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.app.prompts.PromptsTestServer.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pipeline definitions over HTTP against the whole application and a real PostgreSQL. */
class PipelinesHttpTest {
    private static PromptsTestServer server;
    private static String admin;
    private static String client;

    private static final String MAIN = """
      {"stages": [{"number": 1, "name": "Find"}, {"number": 2, "name": "Enrich"}],
       "steps": [
         {"key": "1_SEARCH_BUILDER", "stage": 1, "prompt_key": "v2.search_builder", "model": "o4-mini",
          "model_params": {"reasoning": {"effort": "high"}},
          "inputs": [{"name": "seed", "source": "seed", "required": false},
                     {"name": "icp_config", "source": "client.icp_config_compressed"},
                     {"name": "current_date", "source": "run.current_date"}]},
         {"key": "2_SIGNAL_DISCOVERY", "stage": 1, "prompt_key": "v2.signal_discovery", "model": "o3-deep-research",
          "inputs": [{"name": "search_builder_output", "source": "step.1_search_builder"}],
          "effects": [{"seed": {"company_name": "/company_name", "domain": "/domain"}}]},
         {"key": "6_ENRICH_CONTACTS", "stage": 2, "prompt_key": "v2.enrich_contacts",
          "inputs": [{"name": "signals", "source": "step.2_signal_discovery", "pointer": "/signals"}],
          "effects": [{"contacts": "/contacts", "people_only": true}, {"items": "/contacts"},
                      {"section": "enrich_lead", "pointer": "/summary"}]}
       ]%s}""";

    @BeforeAll
    static void start() {
        server = PromptsTestServer.start();
        admin = server.adminKey;
        client = server.clientKey("acme");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Answer put(String key, String body) {
        return server.send("PUT", "/api/v1/pipelines/" + key, admin, body);
    }

    @Test
    void a_definition_is_versioned_and_unchanged_content_makes_no_new_version() throws Exception {
        Answer first = put("columnline-v2.main", MAIN.formatted(""));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("version").asInt()).isEqualTo(1);
        assertThat(first.json().get("labels").toString()).isEqualTo("[\"latest\",\"production\"]");
        JsonNode definition = first.json().get("definition");
        assertThat(definition
                        .get("steps")
                        .get(1)
                        .get("inputs")
                        .get(0)
                        .get("source")
                        .asText())
                .isEqualTo("step.1_search_builder");
        assertThat(definition.has("labels")).isFalse();

        Answer same = put("columnline-v2.main", MAIN.formatted(", \"labels\": [\"staging\"]"));
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().get("version").asInt()).isEqualTo(1);
        assertThat(same.json().get("labels").toString()).isEqualTo("[\"latest\",\"production\",\"staging\"]");

        Answer second = put("columnline-v2.main", MAIN.formatted(", \"description\": \"the V2 main pipeline\""));
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("version").asInt()).isEqualTo(2);
        assertThat(second.json().get("labels").toString()).isEqualTo("[\"latest\"]");

        Answer production = server.get("/api/v1/pipelines/columnline-v2.main", client);
        assertThat(production.status()).isEqualTo(200);
        assertThat(production.json().get("version").asInt()).isEqualTo(1);
        assertThat(production.json().get("definition")).isEqualTo(definition);
        assertThat(server.get("/api/v1/pipelines/columnline-v2.main?label=latest", client)
                        .json()
                        .get("version")
                        .asInt())
                .isEqualTo(2);
        assertThat(server.get("/api/v1/pipelines/columnline-v2.main?version=2", client)
                        .json()
                        .get("definition")
                        .get("description")
                        .asText())
                .isEqualTo("the V2 main pipeline");
        assertThat(server.get("/api/v1/pipelines/columnline-v2.main?version=3", client)
                        .status())
                .isEqualTo(404);
        assertThat(server.get("/api/v1/pipelines/columnline-v2.main?label=nope", client)
                        .status())
                .isEqualTo(404);
        assertThat(server.get("/api/v1/pipelines/columnline-v2.main?version=x", client)
                        .status())
                .isEqualTo(422);

        JsonNode versions = server.get("/api/v1/pipelines/columnline-v2.main/versions", client)
                .json()
                .get("data");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(versions.get(1).get("labels").toString()).isEqualTo("[\"production\",\"staging\"]");

        JsonNode list = server.get("/api/v1/pipelines", client).json().get("data");
        assertThat(list).anySatisfy(p -> {
            assertThat(p.get("key").asText()).isEqualTo("columnline-v2.main");
            assertThat(p.get("latest_version").asInt()).isEqualTo(2);
            assertThat(p.get("labels").get("production").asInt()).isEqualTo(1);
        });
    }

    @Test
    void a_cycle_an_unknown_source_and_a_bad_pointer_are_refused_with_their_paths_and_write_nothing() {
        Answer cycle = put("cyclic", """
          {"steps": [
            {"key": "a", "prompt_key": "p", "inputs": [{"name": "x", "source": "step.b"}]},
            {"key": "b", "prompt_key": "p", "inputs": [{"name": "x", "source": "step.a"}]}]}""");
        assertThat(cycle.status()).isEqualTo(422);
        assertThat(cycle.contentType()).startsWith("application/problem+json");
        assertThat(cycle.errorFields()).containsExactly("steps[0].inputs");

        Answer unknown = put("unknown", """
          {"steps": [{"key": "a", "prompt_key": "p",
                      "inputs": [{"name": "x", "source": "step.nobody"}, {"name": "y", "source": "weather"}]}]}""");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.errorFields()).containsExactly("steps[0].inputs[0].source", "steps[0].inputs[1].source");

        Answer pointer = put("pointer", """
          {"steps": [{"key": "a", "prompt_key": "p", "inputs": [{"name": "x", "source": "seed", "pointer": "name"}],
                      "effects": [{"contacts": "/people~9"}]}]}""");
        assertThat(pointer.status()).isEqualTo(422);
        assertThat(pointer.errorFields()).containsExactly("steps[0].inputs[0].pointer", "steps[0].effects[0].contacts");

        Answer unknownField = put("field", """
          {"steps": [{"key": "a", "prompt_key": "p", "inputs": [{"name": "x", "source": "seed", "from": "x"}]}]}""");
        assertThat(unknownField.status()).isEqualTo(422);
        assertThat(unknownField.errorFields()).containsExactly("steps[0].inputs[0].from");

        assertThat(put("array", "[1, 2]").status()).isEqualTo(400);
        assertThat(put("bad", "{\"steps\": [{\"key\": \"a\", \"prompt_key\": \"p\", \"model_params\": 3}]}")
                        .errorFields())
                .containsExactly("steps[0].model_params");
        assertThat(put("BadKey", MAIN.formatted("")).status()).isEqualTo(422);

        for (String key : new String[] {"cyclic", "unknown", "pointer", "field", "array", "bad"}) {
            assertThat(server.get("/api/v1/pipelines/" + key, client).status()).isEqualTo(404);
        }
    }

    @Test
    void only_admin_keys_write_pipelines() {
        Answer refused = server.send("PUT", "/api/v1/pipelines/mine", client, MAIN.formatted(""));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(server.get("/api/v1/pipelines/mine", client).status()).isEqualTo(404);
    }
}
