package io.columnline.app;

import static io.columnline.app.TestApp.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClientsAndKeysHttpTest {
    @RegisterExtension
    static final TestApp APP = new TestApp().with("COLUMNLINE_MAX_BODY_BYTES", "4096");

    @Test
    void an_admin_creates_a_client_and_a_second_put_with_the_same_profile_makes_no_new_version() {
        var created = APP.put(
                "/api/v1/clients/versioned",
                ADMIN_KEY,
                "{\"name\":\"Versioned\",\"timezone\":\"Europe/Berlin\",\"icp_config\":{\"b\":1,\"a\":[1,2]}}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("profile_version").asInt()).isEqualTo(1);

        var same = APP.put("/api/v1/clients/versioned", ADMIN_KEY, "{\"icp_config\":{\"a\":[1,2],\"b\":1}}");
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().get("profile_version").asInt()).isEqualTo(1);

        var changed = APP.put("/api/v1/clients/versioned", ADMIN_KEY, "{\"industry_research\":\"fintech in DACH\"}");
        assertThat(changed.json().get("profile_version").asInt()).isEqualTo(2);
        assertThat(changed.json().get("timezone").asText()).isEqualTo("Europe/Berlin");

        var versions = APP.get("/api/v1/clients/versioned/profile/versions", ADMIN_KEY)
                .json()
                .get("data");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("industry_research").asText()).isEqualTo("fintech in DACH");
        assertThat(versions.get(1).get("icp_config").get("b").asInt()).isEqualTo(1);
    }

    @Test
    void a_client_key_sees_only_its_own_client_and_cannot_create_clients_or_keys() {
        String ownKey = APP.clientWithKey("own");
        APP.clientWithKey("other");

        assertThat(APP.get("/api/v1/clients/own", ownKey).status()).isEqualTo(200);
        var foreign = APP.get("/api/v1/clients/other", ownKey);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.isProblem()).isTrue();
        assertThat(APP.get("/api/v1/clients/missing", ownKey)
                        .json()
                        .get("detail")
                        .asText())
                .isEqualTo(foreign.json().get("detail").asText().replace("other", "missing"));
        assertThat(APP.get("/api/v1/clients", ownKey).json().get("data"))
                .extracting(n -> n.get("slug").asText())
                .containsExactly("own");
        assertThat(APP.put("/api/v1/clients/newone", ownKey, "{\"name\":\"x\"}").status())
                .isEqualTo(403);
        assertThat(APP.post("/api/v1/api-keys", ownKey, "{\"client\":\"own\"}").status())
                .isEqualTo(403);
    }

    @Test
    void a_revoked_key_is_refused_with_401() {
        String key = APP.clientWithKey("revoked");
        var issued = APP.post("/api/v1/api-keys", ADMIN_KEY, "{\"client\":\"revoked\"}")
                .json();
        assertThat(APP.get("/api/v1/clients/revoked", issued.get("key").asText())
                        .status())
                .isEqualTo(200);

        assertThat(APP.delete("/api/v1/api-keys/" + issued.get("id").asText(), ADMIN_KEY)
                        .status())
                .isEqualTo(204);
        var refused = APP.get("/api/v1/clients/revoked", issued.get("key").asText());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.isProblem()).isTrue();
        assertThat(APP.get("/api/v1/clients/revoked", key).status()).isEqualTo(200);
        assertThat(APP.delete("/api/v1/api-keys/not-a-uuid", ADMIN_KEY).status())
                .isEqualTo(404);
    }

    @Test
    void missing_or_wrong_keys_get_401_and_x_api_key_works_too() {
        assertThat(APP.get("/api/v1/clients", null).status()).isEqualTo(401);
        assertThat(APP.get("/api/v1/clients", "cl_wrong").status()).isEqualTo(401);
        var viaHeader = APP.send(APP.request("/api/v1/clients", null)
                .header("X-API-Key", ADMIN_KEY)
                .GET()
                .build());
        assertThat(viaHeader.status()).isEqualTo(200);
    }

    @Test
    void bad_input_is_a_problem_naming_the_field_and_writes_nothing() {
        var malformed = APP.put("/api/v1/clients/bad", ADMIN_KEY, "{\"name\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();

        var unknownField = APP.put("/api/v1/clients/bad", ADMIN_KEY, "{\"name\":\"x\",\"colour\":\"red\"}");
        assertThat(unknownField.status()).isEqualTo(422);
        assertThat(unknownField.json().get("errors").get(0).get("field").asText())
                .isEqualTo("colour");

        var wrongType = APP.put("/api/v1/clients/bad", ADMIN_KEY, "{\"name\":[1]}");
        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(wrongType.json().get("errors").get(0).get("field").asText()).isEqualTo("name");

        var zone = APP.put("/api/v1/clients/bad", ADMIN_KEY, "{\"name\":\"x\",\"timezone\":\"Mars/Olympus\"}");
        assertThat(zone.status()).isEqualTo(422);
        assertThat(zone.json().get("errors").get(0).get("field").asText()).isEqualTo("timezone");

        var slug = APP.put("/api/v1/clients/Bad%20Slug", ADMIN_KEY, "{\"name\":\"x\"}");
        assertThat(slug.status()).isEqualTo(422);

        var missingName = APP.put("/api/v1/clients/bad", ADMIN_KEY, "{}");
        assertThat(missingName.status()).isEqualTo(422);

        var tooLarge = APP.put("/api/v1/clients/bad", ADMIN_KEY, "{\"name\":\"" + "x".repeat(5000) + "\"}");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.isProblem()).isTrue();

        assertThat(APP.get("/api/v1/clients/bad", ADMIN_KEY).status()).isEqualTo(404);
        assertThat(APP.get("/api/v1/nothing-here", ADMIN_KEY).status()).isEqualTo(404);
        assertThat(APP.send("PATCH", "/api/v1/clients", ADMIN_KEY, new byte[0]).status())
                .isEqualTo(405);
    }

    @Test
    void an_idempotency_key_replays_the_first_answer_and_refuses_a_different_body() {
        APP.clientWithKey("idem");
        var first = APP.post("/api/v1/api-keys", ADMIN_KEY, "{\"client\":\"idem\"}", "Idempotency-Key", "k-1");
        var again = APP.post("/api/v1/api-keys", ADMIN_KEY, "{\"client\":\"idem\"}", "Idempotency-Key", "k-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        // the secret is answered once: the replay names the same key without it
        String secret = first.json().get("key").asText();
        assertThat(again.json().get("id").asText())
                .isEqualTo(first.json().get("id").asText());
        assertThat(again.json().get("client").asText()).isEqualTo("idem");
        assertThat(again.json().has("key")).isFalse();
        assertThat(again.json().get("secret_shown_once").asBoolean()).isTrue();
        assertThat(again.body()).doesNotContain(secret);
        // nor is it kept with the idempotency record
        String stored = APP.component()
                .lifecycle()
                .database()
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT string_agg(convert_from(response_body, 'UTF8'), ' ')"
                                + " FROM idempotency_records WHERE idempotency_key = 'k-1'")
                        .mapTo(String.class)
                        .one());
        assertThat(stored).contains(first.json().get("id").asText()).doesNotContain(secret);
        assertThat(APP.get("/api/v1/clients/idem", secret).status()).isEqualTo(200);

        var different = APP.post("/api/v1/api-keys", ADMIN_KEY, "{}", "Idempotency-Key", "k-1");
        assertThat(different.status()).isEqualTo(422);
        assertThat(different.isProblem()).isTrue();
    }

    @Test
    void concurrent_retries_with_one_idempotency_key_create_exactly_one_key() throws Exception {
        APP.clientWithKey("race");
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<TestApp.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<TestApp.Reply> call = () ->
                        APP.post("/api/v1/api-keys", ADMIN_KEY, "{\"client\":\"race\"}", "Idempotency-Key", "race-1");
                replies.add(pool.submit(call));
            }
            List<String> createdIds = new ArrayList<>();
            for (Future<TestApp.Reply> reply : replies) {
                var r = reply.get();
                assertThat(r.status()).isIn(201, 409);
                if (r.status() == 201) {
                    createdIds.add(r.json().get("id").asText());
                }
            }
            assertThat(createdIds).isNotEmpty();
            assertThat(createdIds.stream().distinct()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        int keys = APP.component()
                .lifecycle()
                .database()
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT count(*) FROM api_keys k JOIN clients c ON c.id = k.client_id WHERE c.slug = 'race'")
                        .mapTo(Integer.class)
                        .one());
        assertThat(keys).isEqualTo(2);
    }

    @Test
    void a_client_s_default_pipeline_is_a_field_the_runs_follow_and_its_profile_texts_may_be_json() {
        APP.clientWithKey("piped");
        String definition = """
            {"stages": [{"number": 1, "name": "only"}],
             "steps": [{"key": "one", "stage": 1, "prompt_key": "piped.one", "model": "gpt-4.1"}]}""";
        assertThat(APP.put("/api/v1/pipelines/piped.flow", ADMIN_KEY, definition)
                        .status())
                .isEqualTo(201);
        var bad = APP.put("/api/v1/clients/piped", ADMIN_KEY, "{\"default_pipeline\": \"Not A Key!\"}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("default_pipeline");
        var set = APP.put("/api/v1/clients/piped", ADMIN_KEY, """
            {"default_pipeline": "piped.flow", "research_context": {"buyers": ["COO", "CFO"]},
             "industry_research": "plain text stays text"}""");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("default_pipeline").asText()).isEqualTo("piped.flow");
        assertThat(set.json().get("research_context").get("buyers").get(1).asText())
                .isEqualTo("CFO");
        assertThat(set.json().get("industry_research").asText()).isEqualTo("plain text stays text");
        var unchanged = APP.put("/api/v1/clients/piped", ADMIN_KEY, "{\"default_pipeline\": \"piped.flow\"}");
        assertThat(unchanged.json().get("updated_at").asText())
                .isEqualTo(set.json().get("updated_at").asText());

        var run = APP.post("/api/v1/runs", ADMIN_KEY, "{\"client\": \"piped\"}");
        assertThat(run.status()).as(run.body()).isEqualTo(201);
        assertThat(run.json().get("pipeline").get("key").asText()).isEqualTo("piped.flow");

        var cleared = APP.put("/api/v1/clients/piped", ADMIN_KEY, "{\"default_pipeline\": \"\"}");
        assertThat(cleared.json().get("default_pipeline").isNull()).isTrue();
        var plain = APP.post("/api/v1/runs", ADMIN_KEY, "{\"client\": \"piped\"}");
        assertThat(plain.json().get("pipeline").isNull()).isTrue();
        var wrongType = APP.put("/api/v1/clients/piped", ADMIN_KEY, "{\"research_context\": 42}");
        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(wrongType.body()).contains("research_context");
    }

    @Test
    void me_names_the_calling_key_its_kind_and_its_client() {
        String key = APP.clientWithKey("whoami");
        var mine = APP.get("/api/v1/me", key).json();
        assertThat(mine.get("kind").asText()).isEqualTo("client");
        assertThat(mine.get("client").asText()).isEqualTo("whoami");
        assertThat(mine.get("client_id").asText()).hasSize(36);
        assertThat(mine.get("key_id").asText()).hasSize(36);
        var admin = APP.get("/api/v1/me", ADMIN_KEY).json();
        assertThat(admin.get("kind").asText()).isEqualTo("admin");
        assertThat(admin.get("client").isNull()).isTrue();
        assertThat(APP.get("/api/v1/me", null).status()).isEqualTo(401);
    }

    @Test
    void health_and_readiness_are_public() {
        assertThat(APP.get("/healthz", null).status()).isEqualTo(200);
        assertThat(APP.get("/readyz", null).json().get("status").asText()).isEqualTo("ready");
    }
}
