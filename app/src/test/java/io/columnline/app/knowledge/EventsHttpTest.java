package io.columnline.app.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.app.TestApp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 13's events log over real HTTP: what serve records of itself, and what pipelines add. */
class EventsHttpTest {
    @RegisterExtension
    static final TestApp APP = new TestApp();

    static String acme;
    static String other;

    @BeforeAll
    static void clients() {
        acme = APP.clientWithKey("acme-events");
        other = APP.clientWithKey("other-events");
    }

    static List<JsonNode> events(String query, String key) {
        TestApp.Reply reply = APP.get("/api/v1/events" + query, key);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<JsonNode> all = new ArrayList<>();
        reply.json().get("data").forEach(all::add);
        return all;
    }

    @Test
    void serve_records_its_start_with_version_start_up_time_and_database_and_the_migrations_it_applied() {
        List<JsonNode> started = events("?kind=serve.started", TestApp.ADMIN_KEY);
        assertThat(started).hasSize(1);
        JsonNode detail = started.getFirst().get("detail");
        assertThat(detail.get("version").asText()).startsWith("columnline ");
        assertThat(detail.get("startup_ms").asLong()).isPositive();
        assertThat(detail.get("database").asText()).isIn("embedded", "external");
        assertThat(started.getFirst().get("instance").asText()).contains(":");
        assertThat(started.getFirst().get("client_id").isNull()).isTrue();
        // the test database may come migrated already; a start that migrates says how many it applied
        assertThat(events("?kind=migrations.applied", TestApp.ADMIN_KEY))
                .allSatisfy(
                        e -> assertThat(e.get("detail").get("count").asInt()).isPositive());
        assertThat(events("", acme)).noneMatch(e -> e.get("kind").asText().startsWith("serve."));
    }

    @Test
    void a_pipelines_event_is_its_clients_and_other_clients_never_see_it() {
        TestApp.Reply posted = APP.post("/api/v1/events", acme, """
                {"kind": "research.done", "detail": {"topic": "Acme market", "steps": 12}}""");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(posted.json().get("client_id").isNull()).isFalse();
        assertThat(events("?kind=research.done", acme))
                .singleElement()
                .satisfies(e -> assertThat(e.get("detail").get("steps").asInt()).isEqualTo(12));
        assertThat(events("?kind=research.done", other)).isEmpty();
        assertThat(events("?kind=research.done&client=acme-events", TestApp.ADMIN_KEY))
                .hasSize(1);
        assertThat(APP.get("/api/v1/events?client=acme-events", other).status()).isEqualTo(404);

        TestApp.Reply system = APP.post("/api/v1/events", TestApp.ADMIN_KEY, "{\"kind\": \"ops.note\"}");
        assertThat(system.json().get("client_id").isNull()).isTrue();
        assertThat(events("?kind=ops.note", acme)).isEmpty();
        assertThat(events("?kind=ops.note", TestApp.ADMIN_KEY)).hasSize(1);
    }

    @Test
    void bad_events_are_refused_and_nothing_is_written() {
        int before = events("?limit=500", TestApp.ADMIN_KEY).size();
        assertThat(APP.post("/api/v1/events", acme, "{\"kind\": \"Not A Kind\"}")
                        .status())
                .isEqualTo(422);
        assertThat(APP.post("/api/v1/events", acme, "{}").status()).isEqualTo(422);
        assertThat(APP.post("/api/v1/events", acme, "{\"kind\": \"a.b\", \"detail\": [1]}")
                        .status())
                .isEqualTo(422);
        assertThat(APP.post("/api/v1/events", acme, "{\"kind\": \"a.b\", \"client\": \"other-events\"}")
                        .status())
                .isEqualTo(404);
        assertThat(APP.get("/api/v1/events?since=yesterday", acme).status()).isEqualTo(422);
        assertThat(events("?limit=500", TestApp.ADMIN_KEY)).hasSize(before);
    }
}
