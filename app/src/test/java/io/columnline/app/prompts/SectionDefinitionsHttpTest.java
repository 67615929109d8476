package io.columnline.app.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.app.prompts.PromptsTestServer.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Section definitions over HTTP against the whole application and a real PostgreSQL. */
class SectionDefinitionsHttpTest {
    private static PromptsTestServer server;
    private static String admin;
    private static String client;

    private static final String SCHEMA = """
      {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["summary"],
       "properties": {"summary": {"type": "string"}, "people": {"type": "array", "items": {"$ref": "#/$defs/person"}}},
       "$defs": {"person": {"type": "object", "required": ["name"]}}}""";

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
        return server.send("PUT", "/api/v1/section-definitions/" + key, admin, body);
    }

    private static String body(String title, int position, String schema) {
        return "{\"title\": \"" + title + "\", \"position\": " + position
                + ", \"writer_prompt_key\": \"writer.overview\", \"required\": true, \"schema\": " + schema + "}";
    }

    @Test
    void a_definition_is_created_read_back_and_replaced() throws Exception {
        Answer created = put("s1.overview", body("Overview", 1, SCHEMA));
        assertThat(created.status()).isEqualTo(201);
        JsonNode definition = created.json();
        assertThat(definition.get("schema")).isEqualTo(PromptsTestServer.JSON.readTree(SCHEMA));
        assertThat(definition.get("writer_prompt_key").asText()).isEqualTo("writer.overview");
        assertThat(definition.get("required").asBoolean()).isTrue();

        assertThat(server.get("/api/v1/section-definitions/s1.overview", client).json())
                .isEqualTo(definition);
        Answer same = put("s1.overview", body("Overview", 1, SCHEMA));
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json()).isEqualTo(definition);

        Answer replaced = put("s1.overview", body("Company overview", 1, SCHEMA));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("title").asText()).isEqualTo("Company overview");
        assertThat(replaced.json().get("created_at")).isEqualTo(definition.get("created_at"));
    }

    @Test
    void an_invalid_schema_is_refused_with_json_pointers_and_nothing_is_written() {
        Answer refused = put(
                "s2",
                body(
                        "Broken",
                        1,
                        "{\"type\": \"object\", \"required\": \"summary\", \"properties\": {\"n\": {\"type\": \"strin\"}}}"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.errorFields()).contains("schema/required", "schema/properties/n/type");
        assertThat(server.get("/api/v1/section-definitions/s2", client).status())
                .isEqualTo(404);

        assertThat(put("s2", body("Remote", 1, "{\"$ref\": \"https://example.com/schema.json\"}"))
                        .errorFields())
                .containsExactly("schema");
        assertThat(put("s2", body("Draft 7", 1, "{\"$schema\": \"http://json-schema.org/draft-07/schema#\"}"))
                        .errorFields())
                .containsExactly("schema/$schema");
        assertThat(put("s2", body("Not an object", 1, "[1, 2]")).errorFields()).containsExactly("schema");
        assertThat(server.get("/api/v1/section-definitions/s2", client).status())
                .isEqualTo(404);
    }

    @Test
    void every_missing_field_is_named() {
        Answer refused = put("s3", "{\"position\": -1}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields())
                .containsExactly("title", "position", "writer_prompt_key", "required", "schema");
        assertThat(put("s3", "{\"position\": \"first\"}").errorFields()).containsExactly("position");
    }

    @Test
    void client_keys_read_the_ordered_list_but_cannot_write() {
        put("s4.b", body("B", 40, "{\"type\": \"object\"}"));
        put("s4.a", body("A", 40, "{\"type\": \"object\"}"));
        put("s4.c", body("C", 39, "{\"type\": \"object\"}"));
        assertThat(server.send("PUT", "/api/v1/section-definitions/s4.d", client, body("D", 1, "{}"))
                        .status())
                .isEqualTo(403);

        List<String> keys = new ArrayList<>();
        String cursor = "";
        do {
            Answer page = server.get(
                    "/api/v1/section-definitions?limit=2" + (cursor.isEmpty() ? "" : "&cursor=" + cursor), client);
            assertThat(page.status()).isEqualTo(200);
            page.json().get("data").forEach(d -> keys.add(d.get("key").asText()));
            cursor = page.json().get("next_cursor").isNull()
                    ? ""
                    : page.json().get("next_cursor").asText();
        } while (!cursor.isEmpty());
        assertThat(keys.stream().filter(k -> k.startsWith("s4.")).toList()).containsExactly("s4.c", "s4.a", "s4.b");
        assertThat(server.get("/api/v1/section-definitions/s4.d", client).status())
                .isEqualTo(404);
    }
}
