package io.columnline.app.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.adapters.postgres.shared.TestPostgres;
import io.columnline.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code columnline sources ...} on a real PostgreSQL, with no server running: the CLI processes what it adds. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourcesCliTest {
    private Map<String, String> env;

    record Result(int code, String out, String err) {}

    @BeforeAll
    void database() throws Exception {
        env = Map.of(
                "COLUMNLINE_DATABASE_URL",
                TestPostgres.newDatabaseUrl(),
                "COLUMNLINE_HOME",
                Files.createTempDirectory("columnline-cli-home").toString());
        assertThat(run("clients", "create", "acme", "--name", "Acme").code()).isZero();
    }

    private Result run(String... args) {
        return run(env, args);
    }

    private Result run(Map<String, String> environment, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(args, environment, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void a_folder_is_added_recursively_and_adding_it_again_counts_unchanged_and_new_versions() throws Exception {
        Path folder = Files.createTempDirectory("columnline-sources");
        Files.createDirectories(folder.resolve("notes"));
        Files.writeString(folder.resolve("handbook.md"), "# Handbook\n\nWe sell widgets.\n");
        Files.writeString(folder.resolve("notes/call.txt"), "Они хотят CRM до марта.");
        Files.writeString(folder.resolve("prices.csv"), "sku,price\nA,1\n");
        Files.write(folder.resolve("broken.json"), "{\"a\":".getBytes());
        Files.writeString(folder.resolve("image.png"), "not a document");

        Result first = run("sources", "add", folder.toString(), "--client", "acme", "--metadata", "{\"batch\":1}");

        assertThat(first.out()).as(first.err()).contains("added 3, unchanged 0, new versions 0, failed 1, skipped 1");
        assertThat(first.out()).contains("failed broken.json: the JSON is not valid");
        assertThat(first.code()).isEqualTo(1);

        Files.writeString(folder.resolve("handbook.md"), "# Handbook\n\nWe sell widgets and gadgets.\n");
        Files.delete(folder.resolve("broken.json"));
        Result second = run("sources", "add", folder.toString(), "--client", "acme");
        assertThat(second.out()).contains("added 0, unchanged 2, new versions 1, failed 0, skipped 1");
        assertThat(second.code()).isZero();

        Result list = run("sources", "list", "--client", "acme", "--key", "handbook.md");
        assertThat(list.out()).contains("handbook.md").contains("ready");
        String id = list.out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
        assertThat(run("sources", "show", id).out()).contains("version       2").contains("status        ready");
        assertThat(run("sources", "list", "--client", "acme", "--key", "notes/call.txt")
                        .out())
                .contains("ready");
        assertThat(run("sources", "rm", id).out()).contains("deleted source " + id);
        assertThat(run("sources", "show", id).code()).isNotZero();
        assertThat(run("sources", "show", "nope").code()).isNotZero();
    }

    @Test
    void reembed_gives_every_chunk_a_vector_of_the_model_configured_now_and_a_second_run_has_nothing_to_do()
            throws Exception {
        assertThat(run("clients", "create", "globex", "--name", "Globex").code())
                .isZero();
        Path file = Files.createTempFile("columnline-reembed", ".md");
        Files.writeString(file, "# Globex\n\nGlobex buys turbines.\n\n## Team\n\nThe CTO decides.\n");
        assertThat(run("sources", "add", file.toString(), "--client", "globex").code())
                .isZero();

        try (LocalEmbeddings endpoint = new LocalEmbeddings()) {
            Map<String, String> changed = new java.util.HashMap<>(env);
            changed.put("COLUMNLINE_EMBEDDINGS_URL", endpoint.url());
            changed.put("COLUMNLINE_EMBEDDINGS_MODEL", "local-hash");
            Result first = run(changed, "sources", "reembed", "--client", "globex", "--batch", "1");
            long chunks = count("SELECT count(*) FROM source_chunks c JOIN clients k ON k.id = c.client_id"
                    + " WHERE k.slug = 'globex'");
            assertThat(chunks).isPositive();
            assertThat(first.code()).as(first.err()).isZero();
            assertThat(first.out())
                    .contains(
                            chunks + " of " + chunks + " chunks have local-hash vectors (" + chunks + " embedded now)");
            assertThat(count("SELECT count(*) FROM chunk_embeddings e JOIN clients k ON k.id = e.client_id"
                            + " WHERE k.slug = 'globex' AND e.model = 'local-hash' AND e.dimension = "
                            + LocalEmbeddings.DIMENSION))
                    .isEqualTo(chunks);
            assertThat(count("SELECT count(*) FROM chunk_embeddings e JOIN clients k ON k.id = e.client_id"
                            + " WHERE k.slug = 'globex' AND e.model = 'all-minilm-l6-v2-q'"))
                    .as("the old model's vectors are kept")
                    .isEqualTo(chunks);

            int texts = endpoint.texts.get();
            Result second = run(changed, "sources", "reembed", "--client", "globex");
            assertThat(second.out()).contains("(0 embedded now)");
            assertThat(endpoint.texts.get()).isEqualTo(texts);
        }
        assertThat(run("sources", "reembed", "--client", "nobody").code()).isNotZero();
    }

    private long count(String sql) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(env.get("COLUMNLINE_DATABASE_URL"));
                var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
