package io.columnline.app.prompts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.columnline.adapters.http.shared.HttpServer;
import io.columnline.adapters.postgres.shared.TestPostgres;
import io.columnline.app.ColumnlineComponent;
import io.columnline.app.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The whole application on a database of its own, serving HTTP on a free port. Small on purpose:
 * it is only what the prompt and section-definition tests need.
 */
final class PromptsTestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final String databaseUrl;
    final Path home;
    private final ColumnlineComponent component;
    private final HttpServer http;
    private final HttpClient client = HttpClient.newHttpClient();
    final String adminKey;

    private PromptsTestServer(String databaseUrl, Path home) {
        this.databaseUrl = databaseUrl;
        this.home = home;
        this.component = ColumnlineComponent.create(Config.fromEnvironment(environment(databaseUrl, home)));
        component.lifecycle().database();
        this.adminKey =
                component.apiKeys().get().issueAsOperator(Optional.empty()).secret();
        this.http = component.httpServer().get();
        http.start();
    }

    static PromptsTestServer start() {
        return new PromptsTestServer(TestPostgres.newDatabaseUrl(), newHome());
    }

    static Path newHome() {
        try {
            return Files.createTempDirectory("columnline-prompts-home-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> environment(String databaseUrl, Path home) {
        return Map.of(
                "COLUMNLINE_DATABASE_URL",
                databaseUrl,
                "COLUMNLINE_PORT",
                "0",
                "COLUMNLINE_HOME",
                home.toString(),
                "COLUMNLINE_DB_POOL_SIZE",
                "4");
    }

    HttpServer http() {
        return http;
    }

    /** A key that sees only a new client of this slug. */
    String clientKey(String slug) {
        send("PUT", "/api/v1/clients/" + slug, adminKey, "{\"name\":\"" + slug + "\"}");
        return send("POST", "/api/v1/api-keys", adminKey, "{\"client\":\"" + slug + "\"}")
                .json()
                .get("key")
                .asText();
    }

    Answer send(String method, String path, String key, String body) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer get(String path, String key) {
        return send("GET", path, key, null);
    }

    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        /** The fields a problem+json answer names. */
        java.util.List<String> errorFields() {
            var fields = new java.util.ArrayList<String>();
            json().path("errors").forEach(e -> fields.add(e.get("field").asText()));
            return fields;
        }
    }

    @Override
    public void close() {
        http.stop(1_000);
        component.lifecycle().close();
    }
}
