package io.columnline.app.publish;

import static io.columnline.app.TestApp.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.columnline.app.TestApp;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A rerun announced to the client's webhook through the outbox: the receiver fails the first two
 * attempts, the server's own background job retries with backoff until it answers 2xx, and the
 * run's delivery history shows every attempt. The publish of the rerun supersedes the dossier.
 */
class RerunWebhookTest {
    @RegisterExtension
    static final TestApp APP = new TestApp().with("COLUMNLINE_WEBHOOK_FIRST_RETRY_MS", "100");

    private static HttpServer receiver;
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static final List<String> BODIES = new CopyOnWriteArrayList<>();
    private static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void receiverFailingTwice() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/rerun", exchange -> {
            BODIES.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            EVENTS.add(exchange.getRequestHeaders().getFirst("X-Columnline-Event"));
            exchange.sendResponseHeaders(CALLS.incrementAndGet() <= 2 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
        assertThat(APP.put("/api/v1/section-definitions/overview", ADMIN_KEY, """
        {"title": "Overview", "position": 1, "writer_prompt_key": "writer.overview", "required": true,
         "schema": {"type": "object"}}""")
                        .status())
                .isIn(200, 201);
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
    }

    @Test
    void a_rerun_is_announced_with_retries_and_its_publish_supersedes_the_dossier() throws Exception {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/rerun";
        assertThat(APP.put(
                                "/api/v1/clients/hooked",
                                ADMIN_KEY,
                                "{\"name\": \"Hooked\", \"rerun_webhook_url\": \"" + url + "\"}")
                        .status())
                .isEqualTo(201);
        String key = APP.post("/api/v1/api-keys", ADMIN_KEY, "{\"client\": \"hooked\"}")
                .json()
                .get("key")
                .asText();
        String dossier =
                publishedDossier(key, "{\"company_name\": \"Acme\", \"domain\": \"acme.com\", \"region\": \"EU\"}");

        var rerun = APP.post("/api/v1/dossiers/" + dossier + "/rerun", key, "{\"from_stage\": \"writers\"}");
        assertThat(rerun.status()).as(rerun.body()).isEqualTo(201);
        String run = rerun.json().get("run").get("id").asText();
        assertThat(rerun.json().get("rerun_of_dossier_id").asText()).isEqualTo(dossier);
        assertThat(rerun.json().get("run").get("seed").get("region").asText()).isEqualTo("EU");
        assertThat(rerun.json().get("webhook_delivery_id").isNull()).isFalse();

        long deadline = System.currentTimeMillis() + 30_000;
        JsonNode delivery = null;
        while (System.currentTimeMillis() < deadline) {
            delivery = APP.get("/api/v1/runs/" + run + "/webhook-deliveries", key)
                    .json()
                    .get("data")
                    .get(0);
            if (delivery.get("status").asText().equals("delivered")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(delivery.get("status").asText()).isEqualTo("delivered");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.get("event").asText()).isEqualTo("run.rerun");
        JsonNode history = delivery.get("history");
        assertThat(history).hasSize(3);
        assertThat(history.get(0).get("status_code").asInt()).isEqualTo(503);
        assertThat(history.get(1).get("status_code").asInt()).isEqualTo(503);
        assertThat(history.get(2).get("status_code").asInt()).isEqualTo(204);
        assertThat(history.get(2).get("succeeded").asBoolean()).isTrue();
        assertThat(CALLS.get()).isEqualTo(3);
        assertThat(EVENTS).containsOnly("run.rerun");

        JsonNode payload = new ObjectMapper().readTree(BODIES.get(2));
        assertThat(payload.get("run_id").asText()).isEqualTo(run);
        assertThat(payload.get("client").asText()).isEqualTo("hooked");
        assertThat(payload.get("rerun_of_dossier_id").asText()).isEqualTo(dossier);
        assertThat(payload.get("from_stage").asText()).isEqualTo("writers");
        assertThat(payload.get("seed").get("domain").asText()).isEqualTo("acme.com");
        assertThat(BODIES).containsOnly(BODIES.get(0));

        writeOverview(key, run);
        JsonNode republished =
                APP.post("/api/v1/runs/" + run + "/publish", key, "").json();
        assertThat(republished.get("supersedes_dossier_id").asText()).isEqualTo(dossier);
        assertThat(APP.get("/api/v1/dossiers/" + dossier, key)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("superseded");
    }

    @Test
    void without_a_webhook_a_rerun_starts_the_run_and_sends_nothing() {
        String key = APP.clientWithKey("quiet");
        String dossier = publishedDossier(key, "{\"company_name\": \"Beta\", \"domain\": \"beta.com\"}");
        var rerun = APP.post("/api/v1/dossiers/" + dossier + "/rerun", key, "");
        assertThat(rerun.status()).isEqualTo(201);
        assertThat(rerun.json().get("webhook_delivery_id").isNull()).isTrue();
        assertThat(rerun.json().get("from_stage").isNull()).isTrue();
        String run = rerun.json().get("run").get("id").asText();
        assertThat(APP.get("/api/v1/runs/" + run + "/webhook-deliveries", key)
                        .json()
                        .get("data"))
                .isEmpty();
        assertThat(APP.post("/api/v1/dossiers/" + dossier + "/rerun", key, "{\"from_stage\": \"Bad Stage\"}")
                        .status())
                .isEqualTo(422);
        assertThat(APP.get("/api/v1/runs/" + run + "/webhook-deliveries", APP.clientWithKey("stranger"))
                        .status())
                .isEqualTo(404);
    }

    private static String publishedDossier(String key, String seed) {
        String run = APP.post("/api/v1/runs", key, "{\"seed\": " + seed + "}")
                .json()
                .get("id")
                .asText();
        writeOverview(key, run);
        var published = APP.post("/api/v1/runs/" + run + "/publish", key, "");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        return published.json().get("id").asText();
    }

    private static void writeOverview(String key, String run) {
        assertThat(APP.post("/api/v1/runs/" + run + "/steps", key, """
        {"step_key": "writer.overview", "attempt": 1, "stage": "writers", "section": "overview", "status": "success",
         "output": {"headline": "x"}}""").status())
                .isEqualTo(201);
    }
}
