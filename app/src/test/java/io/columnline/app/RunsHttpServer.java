package io.columnline.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.columnline.adapters.postgres.shared.Database;
import io.columnline.adapters.postgres.shared.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The whole application on a database of its own, on a free port, for the run tests: the real
 * Dagger graph, Undertow and PostgreSQL, talked to with {@link HttpClient}.
 */
final class RunsHttpServer implements AutoCloseable {
    static final String ADMIN_KEY = "test-admin-key-0123456789abcdef";
    static final long MAX_BODY = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final ServeCommand.Server server;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    RunsHttpServer() {
        database = TestPostgres.newDatabase();
        String url = ((HikariDataSource) database.dataSource()).getJdbcUrl();
        Path home;
        try {
            home = Files.createTempDirectory("columnline-runs-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var config = Config.fromEnvironment(java.util.Map.of(
                "COLUMNLINE_DATABASE_URL",
                url,
                "COLUMNLINE_PORT",
                "0",
                "COLUMNLINE_HOME",
                home.toString(),
                "COLUMNLINE_ADMIN_KEY",
                ADMIN_KEY,
                "COLUMNLINE_MAX_BODY_BYTES",
                Long.toString(MAX_BODY),
                "COLUMNLINE_DB_POOL_SIZE",
                "8"));
        server = ServeCommand.start(ColumnlineComponent.create(config));
        base = "http://127.0.0.1:" + server.port();
    }

    /** An answer: status, content type, the body as text and as JSON (null when empty). */
    record Answer(int status, String contentType, String body, JsonNode json) {
        String text(String field) {
            return json.path(field).asText();
        }
    }

    Answer send(String method, String path, String key, String body) {
        return send(method, path, key, body, null);
    }

    Answer send(String method, String path, String key, String body, String idempotencyKey) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = response.body().length == 0 ? null : JSON.readTree(response.body());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    new String(response.body(), java.nio.charset.StandardCharsets.UTF_8),
                    json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer post(String path, String key, String body) {
        return send("POST", path, key, body);
    }

    Answer get(String path, String key) {
        return send("GET", path, key, null);
    }

    /** A new client with a client key; answers the key. */
    String clientKey(String slug) {
        Answer created = send("PUT", "/api/v1/clients/" + slug, ADMIN_KEY, "{\"name\":\"" + slug + "\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("client not created: " + created);
        }
        return post("/api/v1/api-keys", ADMIN_KEY, "{\"client\":\"" + slug + "\"}")
                .text("key");
    }

    static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    long count(String sql) {
        return database.jdbi()
                .withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Override
    public void close() {
        server.stop();
        database.close();
    }
}
