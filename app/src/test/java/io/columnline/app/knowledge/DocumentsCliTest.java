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

/** {@code columnline documents push/pull} on a real PostgreSQL: one KEY.md per document, idempotent. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentsCliTest {
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
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void pushing_a_folder_twice_changes_nothing_the_second_time_and_pull_writes_what_push_read() throws Exception {
        Path folder = Files.createTempDirectory("columnline-documents");
        Files.writeString(folder.resolve("p1.md"), "# Vision\n\nTea for every café.\n");
        Files.writeString(folder.resolve("industry_research.md"), "Tea keeps growing.\n");
        Files.writeString(folder.resolve("icp_config.md"), "{\"size\": [10, 50], \"country\": \"DE\"}");
        Files.writeString(folder.resolve("notes.txt"), "not a document");

        Result first = run("documents", "push", folder.toString(), "--client", "acme");
        assertThat(first.out()).as(first.err()).contains("pushed 3 documents from", "3 new versions, 0 unchanged");
        Result second = run("documents", "push", folder.toString(), "--client", "acme");
        assertThat(second.out()).as(second.err()).contains("0 new versions, 3 unchanged");

        Path pulled = Files.createTempDirectory("columnline-documents-pulled");
        Result pull = run("documents", "pull", pulled.toString(), "--client", "acme");
        assertThat(pull.code()).as(pull.err()).isZero();
        assertThat(Files.readString(pulled.resolve("p1.md"))).isEqualTo("# Vision\n\nTea for every café.\n");
        assertThat(Files.readString(pulled.resolve("icp_config.md")))
                .isEqualTo("{\"country\":\"DE\",\"size\":[10,50]}");
        assertThat(Files.exists(pulled.resolve("research_context.md"))).isTrue();
        Result again = run("documents", "push", pulled.toString(), "--client", "acme");
        assertThat(again.out()).as(again.err()).contains("0 new versions, 4 unchanged");

        Files.writeString(folder.resolve("Bad Key.md"), "x");
        Result bad = run("documents", "push", folder.toString(), "--client", "acme");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("Bad Key.md", "nothing was pushed");
    }
}
