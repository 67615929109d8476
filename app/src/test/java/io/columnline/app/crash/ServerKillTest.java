package io.columnline.app.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.columnline.app.TestApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 §3: {@code serve} and its embedded PostgreSQL are SIGKILLed while 32 connections start
 * runs, log single steps and batches, and publish, every POST with an Idempotency-Key. After a
 * restart on the same data every write that was answered 2xx is there, no dossier is half written,
 * and retrying each request that got no answer (same key, same body) leaves exactly one of each row.
 */
class ServerKillTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONNECTIONS = 32;
    private static final int ITERATIONS = 12;
    private static final String ADMIN = TestApp.ADMIN_KEY;

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** One request of the load, and what came of it: its status, or -1 when no answer came. */
    record Sent(
            int thread, int iteration, String kind, String path, String body, String key, int status, String answer) {}

    @Test
    void every_acknowledged_write_survives_and_retries_leave_one_row_each() throws Exception {
        Map<String, String> env = Map.of(
                "COLUMNLINE_HOME",
                home.toString(),
                "COLUMNLINE_PORT",
                "0",
                "COLUMNLINE_ADMIN_KEY",
                ADMIN,
                // a claim left by the killed process is taken over by a retry after a second
                "COLUMNLINE_IDEMPOTENCY_LEASE_MS",
                "1000");
        String key;
        var sent = new ConcurrentLinkedQueue<Sent>();
        try (var first = ServeProcess.start(env)) {
            String base = first.base();
            assertThat(send(base, "PUT", "/api/v1/section-definitions/overview", ADMIN, """
                    {"title": "Overview", "position": 1, "writer_prompt_key": "writer.overview", "required": true,
                     "schema": {"type": "object", "required": ["headline"]}}""", null)
                            .statusCode())
                    .isIn(200, 201);
            assertThat(send(base, "PUT", "/api/v1/clients/crash", ADMIN, "{\"name\": \"Crash\"}", null)
                            .statusCode())
                    .isIn(200, 201);
            key = JSON.readTree(send(base, "POST", "/api/v1/api-keys", ADMIN, "{\"client\": \"crash\"}", null)
                            .body())
                    .get("key")
                    .asText();

            // the load runs until the kill; the kill comes once a good part of it was answered
            var answered = new AtomicInteger();
            var halfway = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < CONNECTIONS; t++) {
                int thread = t;
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        for (int i = 0; i < ITERATIONS; i++) {
                            if (!iteration(base, key, thread, i, sent, answered, halfway)) {
                                return;
                            }
                        }
                    } finally {
                        halfway.countDown();
                    }
                }));
            }
            halfway.await();
            first.killWithDatabase(home.resolve("pgdata"));
            for (Thread thread : threads) {
                thread.join();
            }
        }
        List<Sent> all = new ArrayList<>(sent);
        long unanswered = all.stream().filter(s -> s.status() < 0).count();
        assertThat(all).as("requests answered before the kill").anyMatch(s -> s.status() >= 200 && s.status() < 300);
        assertThat(all).as("answers other than 2xx before the kill").allMatch(s -> s.status() < 0 || s.status() < 300);

        try (var second = ServeProcess.start(env)) {
            String base = second.base();
            // retry what got no answer, and finish that iteration the way the scenario would
            List<Sent> retried = new ArrayList<>();
            for (Sent lost : all.stream().filter(s -> s.status() < 0).toList()) {
                String run = lost.kind().equals("start") ? null : runOf(lost.path());
                for (String kind : List.of("start", "step", "batch", "publish")) {
                    if (order(kind) < order(lost.kind())) {
                        continue;
                    }
                    var request = request(lost.thread(), lost.iteration(), kind, run);
                    var answer = send(base, "POST", request.path(), key, request.body(), request.key());
                    assertThat(answer.statusCode())
                            .as(kind + " retried: " + answer.body())
                            .isBetween(200, 299);
                    if (kind.equals("start")) {
                        run = JSON.readTree(answer.body()).get("id").asText();
                    }
                    retried.add(new Sent(
                            lost.thread(),
                            lost.iteration(),
                            kind,
                            request.path(),
                            request.body(),
                            request.key(),
                            answer.statusCode(),
                            answer.body()));
                }
            }

            try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:"
                    + Files.readString(home.resolve("postgres.port")).strip() + "/columnline?user=postgres")) {
                // every acknowledged write is there
                for (Sent ok : all.stream().filter(s -> s.status() >= 200).toList()) {
                    switch (ok.kind()) {
                        case "start" ->
                            assertThat(count(
                                            db,
                                            "SELECT count(*) FROM runs WHERE id = '"
                                                    + JSON.readTree(ok.answer())
                                                            .get("id")
                                                            .asText() + "'"))
                                    .as("acknowledged run " + ok)
                                    .isOne();
                        case "step" ->
                            assertThat(count(
                                            db,
                                            "SELECT count(*) FROM steps WHERE run_id = '" + runOf(ok.path())
                                                    + "' AND step_key = 'writer.overview'"))
                                    .isOne();
                        case "batch" ->
                            assertThat(count(
                                            db,
                                            "SELECT count(*) FROM steps WHERE run_id = '" + runOf(ok.path())
                                                    + "' AND step_key LIKE 'research.%'"))
                                    .isEqualTo(4);
                        case "publish" ->
                            assertThat(count(
                                            db,
                                            "SELECT count(*) FROM dossiers WHERE run_id = '" + runOf(ok.path()) + "'"))
                                    .isOne();
                        default -> throw new AssertionError(ok.kind());
                    }
                }
                // exactly one of each row: a run per company, a dossier per published run
                long iterations =
                        all.stream().filter(s -> s.kind().equals("start")).count();
                assertThat(count(db, "SELECT count(*) FROM runs")).isEqualTo(iterations);
                assertThat(count(db, "SELECT count(DISTINCT company_name) FROM runs"))
                        .isEqualTo(iterations);
                assertThat(count(db, "SELECT count(*) FROM steps")).isEqualTo(5 * iterations);
                long published = all.stream()
                                .filter(s -> s.kind().equals("publish") && s.status() >= 200)
                                .count()
                        + retried.stream()
                                .filter(s -> s.kind().equals("publish"))
                                .count();
                assertThat(count(db, "SELECT count(*) FROM dossiers")).isEqualTo(published);
                // no publish half done: a dossier holds its section and its run is marked published
                assertThat(count(
                                db,
                                "SELECT count(*) FROM dossiers d JOIN runs r ON r.id = d.run_id"
                                        + " WHERE json_array_length(d.sections) <> 1 OR r.status <> 'published'"))
                        .isZero();
            }
            System.out.printf(
                    "ServerKillTest: %d requests before the kill, %d unanswered, %d sent again after the restart%n",
                    all.size(), unanswered, retried.size());
        } finally {
            // the second server stopped its own PostgreSQL; nothing of the first is left running
            assertThat(ServeProcess.postmaster(home.resolve("pgdata"))).isEmpty();
        }
    }

    private boolean iteration(
            String base,
            String key,
            int thread,
            int i,
            ConcurrentLinkedQueue<Sent> sent,
            AtomicInteger answered,
            CountDownLatch halfway) {
        String run = null;
        for (String kind : List.of("start", "step", "batch", "publish")) {
            var request = request(thread, i, kind, run);
            int status;
            String answer;
            try {
                var response = send(base, "POST", request.path(), key, request.body(), request.key());
                status = response.statusCode();
                answer = response.body();
            } catch (IOException | InterruptedException lost) {
                sent.add(new Sent(thread, i, kind, request.path(), request.body(), request.key(), -1, null));
                return false;
            }
            sent.add(new Sent(thread, i, kind, request.path(), request.body(), request.key(), status, answer));
            if (status >= 300) {
                return false;
            }
            if (answered.incrementAndGet() == CONNECTIONS * ITERATIONS * 4 / 3) {
                halfway.countDown();
            }
            if (kind.equals("start")) {
                try {
                    run = JSON.readTree(answer).get("id").asText();
                } catch (IOException e) {
                    throw new AssertionError(answer, e);
                }
            }
        }
        return true;
    }

    private record Planned(String path, String body, String key) {}

    private static Planned request(int thread, int i, String kind, String run) {
        String id = "t" + thread + "-" + i;
        return switch (kind) {
            case "start" ->
                new Planned(
                        "/api/v1/runs",
                        "{\"seed\": {\"company_name\": \"Company " + id + "\", \"domain\": \"" + id + ".example\"}}",
                        "start-" + id);
            case "step" -> new Planned("/api/v1/runs/" + run + "/steps", """
                        {"step_key": "writer.overview", "stage": "writers", "section": "overview", "status": "success",
                         "output": {"headline": "Company %s leads"}}""".formatted(id), "step-" + id);
            case "batch" -> {
                var steps = new StringBuilder();
                for (int s = 0; s < 4; s++) {
                    steps.append(s == 0 ? "" : ",")
                            .append("{\"step_key\": \"research.")
                            .append(s)
                            .append("\", \"stage\": \"research\", \"status\": \"success\", \"output\": {\"n\": ")
                            .append(s)
                            .append("}}");
                }
                yield new Planned(
                        "/api/v1/runs/" + run + "/steps/batch", "{\"steps\": [" + steps + "]}", "batch-" + id);
            }
            case "publish" -> new Planned("/api/v1/runs/" + run + "/publish", "", "publish-" + id);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static int order(String kind) {
        return List.of("start", "step", "batch", "publish").indexOf(kind);
    }

    private static String runOf(String path) {
        return path.split("/")[4];
    }

    private HttpResponse<String> send(
            String base, String method, String path, String key, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
