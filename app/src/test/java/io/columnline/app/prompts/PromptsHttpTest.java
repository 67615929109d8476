package io.columnline.app.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.app.prompts.PromptsTestServer.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Prompts over HTTP against the whole application and a real PostgreSQL. */
class PromptsHttpTest {
    private static PromptsTestServer server;
    private static String admin;
    private static String client;

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
        return server.send("PUT", "/api/v1/prompts/" + key, admin, body);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    @Test
    void the_first_version_is_created_labelled_production_and_latest() {
        Answer created = put("p1.writer", """
        {"template": "Write about {{company}} for {{client}}.", "model": "gpt-4.1-mini",
         "model_params": {"temperature": 0.2, "max_tokens": 4000}}""");

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.get("key").asText()).isEqualTo("p1.writer");
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(texts(body.get("labels"))).containsExactly("latest", "production");
        assertThat(texts(body.get("variables"))).containsExactly("company", "client");
        assertThat(body.get("model_params").toString()).isEqualTo("{\"max_tokens\":4000,\"temperature\":0.2}");

        Answer fetched = server.get("/api/v1/prompts/p1.writer", client);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(body);
    }

    @Test
    void unchanged_content_makes_no_new_version_and_changed_content_does() {
        String body = "{\"template\": \"v1 {{x}}\", \"model_params\": {\"b\": 1, \"a\": 2}}";
        assertThat(put("p2", body).status()).isEqualTo(201);
        Answer same = put("p2", "{\"model_params\": {\"a\": 2, \"b\": 1}, \"template\": \"v1 {{x}}\"}");
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().get("version").asInt()).isEqualTo(1);

        Answer changed = put("p2", "{\"template\": \"v2 {{x}}\"}");
        assertThat(changed.status()).isEqualTo(201);
        assertThat(changed.json().get("version").asInt()).isEqualTo(2);
        assertThat(texts(changed.json().get("labels"))).containsExactly("latest");

        assertThat(server.get("/api/v1/prompts/p2", client)
                        .json()
                        .get("version")
                        .asInt())
                .isEqualTo(1);
        assertThat(server.get("/api/v1/prompts/p2?label=latest", client)
                        .json()
                        .get("version")
                        .asInt())
                .isEqualTo(2);
        assertThat(server.get("/api/v1/prompts/p2?version=2", client)
                        .json()
                        .get("template")
                        .asText())
                .isEqualTo("v2 {{x}}");
        assertThat(server.get("/api/v1/prompts/p2?version=3", client).status()).isEqualTo(404);
        assertThat(server.get("/api/v1/prompts/p2?label=canary", client).status())
                .isEqualTo(404);
        Answer both = server.get("/api/v1/prompts/p2?label=latest&version=1", client);
        assertThat(both.status()).isEqualTo(422);
        assertThat(both.contentType()).startsWith("application/problem+json");
        assertThat(server.get("/api/v1/prompts/p2?version=two", client).errorFields())
                .containsExactly("version");
    }

    @Test
    void labels_move_roll_back_and_refuse_a_missing_version() {
        put("p3", "{\"template\": \"one\"}");
        put("p3", "{\"template\": \"two\", \"labels\": [\"staging\"]}");

        Answer moved =
                server.send("POST", "/api/v1/prompts/p3/labels", admin, "{\"label\": \"production\", \"version\": 2}");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("labels").toString()).isEqualTo("{\"latest\":2,\"production\":2,\"staging\":2}");
        Answer back =
                server.send("POST", "/api/v1/prompts/p3/labels", admin, "{\"label\": \"production\", \"version\": 1}");
        assertThat(back.json().get("labels").get("production").asInt()).isEqualTo(1);

        Answer missing =
                server.send("POST", "/api/v1/prompts/p3/labels", admin, "{\"label\": \"production\", \"version\": 9}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.errorFields()).containsExactly("version");
        Answer latest =
                server.send("POST", "/api/v1/prompts/p3/labels", admin, "{\"label\": \"latest\", \"version\": 1}");
        assertThat(latest.status()).isEqualTo(422);
        assertThat(latest.errorFields()).containsExactly("label");
        assertThat(server.get("/api/v1/prompts/p3", client)
                        .json()
                        .get("version")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void render_fills_the_template_and_names_every_missing_variable() {
        put("p4", "{\"template\": \"Research {{company}} ({{domain}}): {{facts}}\", \"model\": \"gpt-5\"}");

        Answer rendered = server.send(
                "POST",
                "/api/v1/prompts/p4/render",
                client,
                "{\"variables\": {\"company\": \"Acme\", \"domain\": \"acme.com\", \"facts\": {\"employees\": 12}, \"unused\": 1}}");
        assertThat(rendered.status()).isEqualTo(200);
        assertThat(rendered.json().get("text").asText()).isEqualTo("Research Acme (acme.com): {\"employees\":12}");
        assertThat(rendered.json().get("version").asInt()).isEqualTo(1);
        assertThat(rendered.json().get("model").asText()).isEqualTo("gpt-5");

        Answer missing = server.send(
                "POST",
                "/api/v1/prompts/p4/render",
                client,
                "{\"variables\": {\"domain\": \"acme.com\", \"facts\": null}}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.errorFields()).containsExactly("variables.company", "variables.facts");
        assertThat(server.send("POST", "/api/v1/prompts/nobody/render", client, "{}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void an_unclosed_placeholder_is_refused_and_nothing_is_written() {
        Answer refused = put("p5", "{\"template\": \"Hello {{name\", \"labels\": [\"latest\"], \"model_params\": [1]}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("model_params");

        Answer unclosed = put("p5", "{\"template\": \"Hello\\n{{name\", \"labels\": [\"latest\"]}");
        assertThat(unclosed.status()).isEqualTo(422);
        assertThat(unclosed.errorFields()).containsExactly("template", "labels[0]");
        assertThat(unclosed.json().get("errors").get(0).get("message").asText()).contains("line 2, column 1");
        assertThat(server.get("/api/v1/prompts/p5", client).status()).isEqualTo(404);

        assertThat(put("p5", "{\"template\": \"x\", \"temperature\": 1}").errorFields())
                .containsExactly("temperature");
        assertThat(put("p5", "{}").errorFields()).containsExactly("template");
        assertThat(put("p5", "{\"template\": \"x\", \"labels\": [\"ok\", null]}")
                        .errorFields())
                .containsExactly("labels[1]");
        assertThat(put("Bad.Key", "{\"template\": \"x\"}").errorFields()).containsExactly("key");
    }

    @Test
    void client_keys_read_but_only_admin_keys_write() {
        put("p6", "{\"template\": \"x\"}");
        assertThat(server.send("PUT", "/api/v1/prompts/p6", client, "{\"template\": \"y\"}")
                        .status())
                .isEqualTo(403);
        assertThat(server.send("POST", "/api/v1/prompts/p6/labels", client, "{\"label\": \"staging\", \"version\": 1}")
                        .status())
                .isEqualTo(403);
        assertThat(server.get("/api/v1/prompts/p6/versions", client).status()).isEqualTo(200);
        assertThat(server.get("/api/v1/prompts/p6", "wrong-key").status()).isEqualTo(401);
    }

    @Test
    void versions_list_newest_first_with_labels_in_pages() {
        put("p7", "{\"template\": \"one\"}");
        put("p7", "{\"template\": \"two\"}");
        put("p7", "{\"template\": \"three\", \"labels\": [\"staging\"]}");

        Answer first = server.get("/api/v1/prompts/p7/versions?limit=2", client);
        assertThat(first.status()).isEqualTo(200);
        JsonNode data = first.json().get("data");
        assertThat(data).hasSize(2);
        assertThat(data.get(0).get("version").asInt()).isEqualTo(3);
        assertThat(texts(data.get(0).get("labels"))).containsExactly("latest", "staging");
        assertThat(data.get(0).get("usage").get("steps").asLong()).isZero();
        String cursor = first.json().get("next_cursor").asText();

        Answer rest = server.get("/api/v1/prompts/p7/versions?limit=2&cursor=" + cursor, client);
        assertThat(rest.json().get("data")).hasSize(1);
        assertThat(rest.json().get("data").get(0).get("version").asInt()).isEqualTo(1);
        assertThat(texts(rest.json().get("data").get(0).get("labels"))).containsExactly("production");
        assertThat(rest.json().get("next_cursor").isNull()).isTrue();
        assertThat(server.get("/api/v1/prompts/nobody/versions", client).status())
                .isEqualTo(404);
        assertThat(server.get("/api/v1/prompts/p7/versions?cursor=garbage", client)
                        .status())
                .isEqualTo(422);
    }

    @Test
    void the_list_shows_each_prompt_with_its_labels() {
        put("p8.a", "{\"template\": \"a\"}");
        put("p8.b", "{\"template\": \"b\"}");
        put("p8.b", "{\"template\": \"b2\", \"labels\": [\"staging\"]}");

        List<JsonNode> listed = new ArrayList<>();
        String cursor = "";
        do {
            Answer page = server.get("/api/v1/prompts?limit=2" + (cursor.isEmpty() ? "" : "&cursor=" + cursor), client);
            page.json().get("data").forEach(listed::add);
            cursor = page.json().get("next_cursor").isNull()
                    ? ""
                    : page.json().get("next_cursor").asText();
        } while (!cursor.isEmpty());
        JsonNode b = listed.stream()
                .filter(p -> p.get("key").asText().equals("p8.b"))
                .findFirst()
                .orElseThrow();
        assertThat(b.get("latest_version").asInt()).isEqualTo(2);
        assertThat(b.get("labels").toString()).isEqualTo("{\"latest\":2,\"production\":1,\"staging\":2}");
        assertThat(listed).extracting(p -> p.get("key").asText()).isSorted();
    }
}
