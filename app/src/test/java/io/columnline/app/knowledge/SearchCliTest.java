package io.columnline.app.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.adapters.postgres.shared.TestPostgres;
import io.columnline.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code columnline search} and {@code columnline index rebuild} in process, with no server running. */
class SearchCliTest {
    record Result(int code, String out, String err) {}

    private static Result run(Map<String, String> env, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void search_answers_text_and_json_and_a_rebuild_keeps_the_answers() throws Exception {
        Map<String, String> env = Map.of(
                "COLUMNLINE_DATABASE_URL",
                TestPostgres.newDatabaseUrl(),
                "COLUMNLINE_HOME",
                Files.createTempDirectory("columnline-search-cli").toString());
        assertThat(run(env, "clients", "create", "acme", "--name", "Acme").code())
                .isZero();
        Path file = Files.createTempDirectory("columnline-search-docs").resolve("terms.md");
        Files.writeString(file, "# Delivery terms\n\nNorthwind delivers to Oslo within five working days.\n");
        assertThat(run(env, "sources", "add", file.toString(), "--client", "acme")
                        .code())
                .isZero();

        Result text = run(env, "search", "delivery Oslo", "--client", "acme", "--limit", "3");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("1. terms.md v1 #0").contains("Oslo").contains("1 result in");

        Result json = run(env, "search", "Northwind", "--client", "acme", "--mode", "lexical", "--format", "json");
        assertThat(json.code()).as(json.err()).isZero();
        assertThat(json.out())
                .contains("\"lexical_rank\":1")
                .contains("\"vector_rank\":null")
                .contains("\"took_ms\"");

        Result rebuilt = run(env, "index", "rebuild");
        assertThat(rebuilt.out()).as(rebuilt.err()).contains("Rebuilt the search index: 1 chunks");
        assertThat(run(env, "search", "Oslo", "--client", "acme").out()).contains("terms.md");

        Result bad = run(env, "search", "x", "--client", "acme", "--limit", "500");
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err()).contains("limit");
    }
}
