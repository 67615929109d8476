package io.columnline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.columnline.adapters.postgres.shared.Database;
import io.columnline.adapters.postgres.shared.DatabaseUrl;
import io.columnline.adapters.postgres.shared.TestPostgres;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox against a real local receiver that fails the first attempts. */
class WebhookDeliveryTest {
    private HttpServer receiver;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private String databaseUrl;

    @BeforeEach
    void receiverFailingTwice() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status = calls.incrementAndGet() <= 2 ? 503 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        databaseUrl = TestPostgres.newDatabaseUrl();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private ColumnlineComponent component() {
        return ColumnlineComponent.create(Config.fromEnvironment(Map.of(
                "COLUMNLINE_DATABASE_URL",
                databaseUrl,
                "COLUMNLINE_WEBHOOK_FIRST_RETRY_MS",
                "50",
                "COLUMNLINE_WEBHOOK_MAX_ATTEMPTS",
                "5")));
    }

    @Test
    void a_pending_delivery_survives_a_restart_and_is_retried_with_backoff_until_delivered() throws Exception {
        UUID subject = UUID.randomUUID();
        try (Database db = Database.connect(DatabaseUrl.parse(databaseUrl), 1)) {
            db.jdbi().useHandle(h -> {
                h.execute("INSERT INTO clients (id, slug, name) VALUES (gen_random_uuid(), 'hooks', 'Hooks')");
                h.createUpdate(
                                "INSERT INTO webhook_deliveries (id, client_id, event, subject_id, url, payload, status,"
                                        + " next_attempt_at) SELECT gen_random_uuid(), id, 'run.rerun', :subject, :url,"
                                        + " jsonb_build_object('run_id', CAST(:subject AS text)), 'pending', now() FROM clients")
                        .bind("subject", subject)
                        .bind("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")
                        .execute();
            });
        }

        // a fresh process (new component) finds the delivery recorded by an earlier one
        var component = component();
        try {
            long deadline = System.currentTimeMillis() + 20_000;
            while (calls.get() < 3 && System.currentTimeMillis() < deadline) {
                component.webhooks().get().deliverDue();
                Thread.sleep(20);
            }
            assertThat(calls.get()).isEqualTo(3);
            assertThat(bodies).allSatisfy(body -> assertThat(body).contains(subject.toString()));
            assertThat(component.webhooks().get().deliverDue()).isZero();

            var rows = component
                    .lifecycle()
                    .database()
                    .database()
                    .jdbi()
                    .withHandle(h -> h.createQuery(
                                    "SELECT d.status, d.attempts, a.number, a.status_code, a.at FROM webhook_deliveries d"
                                            + " JOIN webhook_delivery_attempts a ON a.delivery_id = d.id ORDER BY a.number")
                            .mapToMap()
                            .list());
            assertThat(rows).extracting(r -> r.get("status_code")).containsExactly(503, 503, 204);
            assertThat(rows.get(0).get("status")).isEqualTo("delivered");
            assertThat(rows.get(0).get("attempts")).isEqualTo(3);
            var first = ((java.sql.Timestamp) rows.get(0).get("at")).toInstant();
            var second = ((java.sql.Timestamp) rows.get(1).get("at")).toInstant();
            var third = ((java.sql.Timestamp) rows.get(2).get("at")).toInstant();
            assertThat(java.time.Duration.between(first, second))
                    .isGreaterThanOrEqualTo(java.time.Duration.ofMillis(50));
            assertThat(java.time.Duration.between(second, third))
                    .isGreaterThanOrEqualTo(java.time.Duration.ofMillis(100));
        } finally {
            component.lifecycle().close();
        }
    }
}
