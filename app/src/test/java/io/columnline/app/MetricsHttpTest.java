package io.columnline.app;

import static io.columnline.app.TestApp.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /metrics}: Prometheus text for an admin key, by route template, never by raw path. */
class MetricsHttpTest {
    @RegisterExtension
    static final TestApp APP = new TestApp();

    @Test
    void an_admin_key_reads_requests_by_route_template_the_pool_the_queues_and_the_jvm() {
        String key = APP.clientWithKey("metrics-one");
        String run = APP.post("/api/v1/runs", key, "{\"seed\": {\"company_name\": \"M\", \"domain\": \"m.io\"}}")
                .json()
                .get("id")
                .asText();
        assertThat(APP.get("/api/v1/runs/" + run, key).status()).isEqualTo(200);
        assertThat(APP.get("/no/such/route", key).status()).isEqualTo(404);

        var reply = APP.get("/metrics", ADMIN_KEY);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/plain");
        String text = reply.body();
        assertThat(text)
                .contains("http_server_requests_seconds_bucket{")
                .containsPattern(
                        "http_server_requests_seconds_count\\{method=\"GET\",route=\"/api/v1/runs/\\{id}\",status=\"200\"} 1")
                .containsPattern(
                        "http_server_requests_seconds_count\\{method=\"POST\",route=\"/api/v1/runs\",status=\"201\"} 1")
                .contains("route=\"unmatched\",status=\"404\"")
                .doesNotContain(run)
                .contains("hikaricp_connections_active{pool=\"columnline\"}")
                .contains("hikaricp_connections_pending{pool=\"columnline\"}")
                .contains("columnline_publish_queue_waiting ")
                .contains("columnline_dossiers_scheduled ")
                .contains("columnline_webhooks_pending ")
                .contains("columnline_webhooks_given_up ")
                .contains("columnline_sources_pending ")
                .contains("jvm_memory_used_bytes{")
                .contains("jvm_gc_")
                .contains("jvm_threads_live_threads ");
        for (String line : text.split("\n")) {
            assertThat(line)
                    .as("a Prometheus text line")
                    .matches("(# (HELP|TYPE) .*|[a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*})? \\S+)");
        }
    }

    @Test
    void a_client_key_is_refused_and_no_key_is_a_401() {
        String key = APP.clientWithKey("metrics-two");
        assertThat(APP.get("/metrics", key).status()).isEqualTo(403);
        assertThat(APP.get("/metrics", null).status()).isEqualTo(401);
    }
}
