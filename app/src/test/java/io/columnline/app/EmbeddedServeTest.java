package io.columnline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default: data under COLUMNLINE_HOME survives a restart, and the CLI finds the
 * running server's PostgreSQL through the port file.
 */
class EmbeddedServeTest {
    @TempDir
    Path home;

    @Test
    void data_survives_a_restart_and_the_cli_shares_the_running_servers_database() throws Exception {
        Map<String, String> env = Map.of(
                "COLUMNLINE_HOME", home.toString(), "COLUMNLINE_PORT", "0", "COLUMNLINE_ADMIN_KEY", TestApp.ADMIN_KEY);

        var first = ServeCommand.start(ColumnlineComponent.create(Config.fromEnvironment(env)));
        try {
            assertThat(Files.exists(home.resolve("postgres.port"))).isTrue();
            assertThat(put(first.port(), "/api/v1/clients/kept", "{\"name\":\"Kept\"}"))
                    .isEqualTo(201);

            var out = new StringWriter();
            int code = Main.run(
                    new String[] {"clients", "create", "from-cli", "--name", "From CLI"},
                    env,
                    new PrintWriter(out),
                    new PrintWriter(new StringWriter()));
            assertThat(code).isZero();
            assertThat(out.toString()).contains("created client from-cli");
        } finally {
            first.stop();
        }
        assertThat(Files.exists(home.resolve("postgres.port"))).isFalse();

        var second = ServeCommand.start(ColumnlineComponent.create(Config.fromEnvironment(env)));
        try {
            assertThat(second.newAdminKey()).isEmpty();
            assertThat(get(second.port(), "/api/v1/clients/kept")).contains("\"name\":\"Kept\"");
            assertThat(get(second.port(), "/api/v1/clients/from-cli")).contains("From CLI");
        } finally {
            second.stop();
        }

        // with no server running, the CLI starts the embedded database itself and stops it again
        var out = new StringWriter();
        assertThat(Main.run(
                        new String[] {"clients", "list"},
                        env,
                        new PrintWriter(out),
                        new PrintWriter(new StringWriter())))
                .isZero();
        assertThat(out.toString()).contains("kept").contains("from-cli");
        assertThat(Files.exists(home.resolve("postgres.port"))).isFalse();
    }

    private static int put(int port, String path, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Authorization", "Bearer " + TestApp.ADMIN_KEY)
                                .PUT(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static String get(int port, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Authorization", "Bearer " + TestApp.ADMIN_KEY)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
