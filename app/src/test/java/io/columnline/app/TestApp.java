package io.columnline.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.columnline.adapters.postgres.shared.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole application as Make.com sees it: the Dagger graph on a fresh migrated database of
 * the class's own, a real Undertow on a free port, and an HTTP client.
 * {@code @RegisterExtension static final TestApp APP = new TestApp();}
 */
public final class TestApp implements BeforeAllCallback, AfterAllCallback {
    public static final String ADMIN_KEY = "cl_test_admin_key_0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> extraEnv = new HashMap<>();
    private TestApp sharesDatabaseOf;
    private Config config;
    private ColumnlineComponent component;
    private ServeCommand.Server server;
    private String databaseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public TestApp with(String variable, String value) {
        extraEnv.put(variable, value);
        return this;
    }

    /** A second instance on the first one's database, with a home (and so a search index) of its own. */
    public TestApp sharingTheDatabaseOf(TestApp first) {
        sharesDatabaseOf = first;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        databaseUrl = sharesDatabaseOf != null ? sharesDatabaseOf.databaseUrl : TestPostgres.newDatabaseUrl();
        Map<String, String> env = new HashMap<>(Map.of(
                "COLUMNLINE_DATABASE_URL",
                databaseUrl,
                "COLUMNLINE_PORT",
                "0",
                "COLUMNLINE_ADMIN_KEY",
                ADMIN_KEY,
                "COLUMNLINE_DB_POOL_SIZE",
                "8",
                "COLUMNLINE_HOME",
                Path.of(System.getProperty("java.io.tmpdir"), "columnline-test-home")
                        .toString()));
        if (sharesDatabaseOf != null) {
            try {
                env.put(
                        "COLUMNLINE_HOME",
                        java.nio.file.Files.createTempDirectory("columnline-test-home-")
                                .toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        env.putAll(extraEnv);
        config = Config.fromEnvironment(env);
        component = ColumnlineComponent.create(config);
        server = ServeCommand.start(component);
    }

    /** Stops the server, runs {@code whileStopped}, and starts it again on the same database and home. */
    public void restart(Runnable whileStopped) {
        server.stop();
        whileStopped.run();
        component = ColumnlineComponent.create(config);
        server = ServeCommand.start(component);
    }

    /** The folder of this instance's search index (a derived copy: deleting it makes a rebuild). */
    public Path searchIndexDirectory() {
        return AppModule.searchHome(config).directory();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.stop();
    }

    public ColumnlineComponent component() {
        return component;
    }

    public String databaseUrl() {
        return databaseUrl;
    }

    public int port() {
        return server.port();
    }

    public Reply get(String path, String key) {
        return send(request(path, key).GET().build());
    }

    public Reply delete(String path, String key) {
        return send(request(path, key).DELETE().build());
    }

    public Reply post(String path, String key, String body, String... headers) {
        return send(withHeaders(request(path, key), headers)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public Reply put(String path, String key, String body) {
        return send(request(path, key)
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public Reply patch(String path, String key, String body) {
        return send(request(path, key)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public Reply send(String method, String path, String key, byte[] body, String... headers) {
        return send(withHeaders(request(path, key), headers)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    /** Creates a client with the admin key and issues a key for it; returns that key. */
    public String clientWithKey(String slug) {
        Reply created = put("/api/v1/clients/" + slug, ADMIN_KEY, "{\"name\":\"" + slug + "\",\"timezone\":\"UTC\"}");
        if (created.status() >= 300) {
            throw new IllegalStateException("could not create client: " + created);
        }
        return post("/api/v1/api-keys", ADMIN_KEY, "{\"client\":\"" + slug + "\"}")
                .json()
                .get("key")
                .asText();
    }

    public HttpRequest.Builder request(String path, String key) {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        return builder;
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One HTTP answer. */
    public record Reply(int status, String contentType, String body, Map<String, java.util.List<String>> headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }
}
