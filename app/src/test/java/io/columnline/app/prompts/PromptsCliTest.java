package io.columnline.app.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.adapters.postgres.shared.TestPostgres;
import io.columnline.app.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code columnline prompts push|pull|list|label} as an operator runs them, on a database of its own. */
class PromptsCliTest {
    @TempDir
    Path folder;

    private Map<String, String> env;

    private static final String OVERVIEW = """
      ---
      model: gpt-4.1-mini
      params: {"temperature": 0.2, "max_tokens": 4000}
      ---
      Write the overview of {{company_name}} ({{domain}}).
      """;
    private static final String CLAIMS = "Extract every claim from {{text}}.\n";

    record Run(int code, String out, String err) {}

    @BeforeEach
    void database() {
        env = PromptsTestServer.environment(TestPostgres.newDatabaseUrl(), PromptsTestServer.newHome());
    }

    private Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private Path dir(String name, Map<String, String> files) throws IOException {
        Path dir = Files.createDirectories(folder.resolve(name));
        for (var file : files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    @Test
    void pushing_a_folder_creates_every_prompt_and_pushing_it_again_changes_nothing() throws IOException {
        Path prompts = dir(
                "prompts",
                Map.of("writer.overview.prompt", OVERVIEW, "claims.prompt", CLAIMS, "README.md", "not a prompt"));

        Run first = run("prompts", "push", prompts.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).containsPattern("created\\s+claims\\s+v1\\s+labelled production");
        assertThat(first.out()).containsPattern("created\\s+writer.overview\\s+v1");
        assertThat(first.out()).contains("2 created, 0 updated, 0 unchanged");

        Run second = run("prompts", "push", prompts.toString());
        assertThat(second.code()).isZero();
        assertThat(second.out()).containsPattern("unchanged\\s+writer.overview\\s+v1\\n");
        assertThat(second.out()).contains("0 created, 0 updated, 2 unchanged");

        Run list = run("prompts", "list");
        assertThat(list.out()).containsPattern("writer.overview\\s+1\\s+latest=v1 production=v1");
    }

    @Test
    void pull_writes_back_exactly_what_was_pushed() throws IOException {
        // a template that itself starts with '---' needs a header, even an empty one
        String fencedTemplate = "---\n---\n---\nthis template starts like a header\n";
        Path pushed = dir(
                "pushed",
                Map.of("writer.overview.prompt", OVERVIEW, "claims.prompt", CLAIMS, "odd.prompt", fencedTemplate));
        // the header of a pushed file is written back in canonical form: keys sorted, compact
        String canonicalOverview = OVERVIEW.replace(
                "{\"temperature\": 0.2, \"max_tokens\": 4000}", "{\"max_tokens\":4000,\"temperature\":0.2}");
        assertThat(run("prompts", "push", pushed.toString()).code()).isZero();

        Path pulled = folder.resolve("pulled");
        Run pull = run("prompts", "pull", pulled.toString());
        assertThat(pull.code()).as(pull.err()).isZero();
        assertThat(pull.out()).contains("3 written, 0 unchanged");
        assertThat(Files.readString(pulled.resolve("writer.overview.prompt"))).isEqualTo(canonicalOverview);
        assertThat(Files.readString(pulled.resolve("claims.prompt"))).isEqualTo(CLAIMS);
        assertThat(Files.readString(pulled.resolve("odd.prompt"))).isEqualTo(fencedTemplate);

        assertThat(run("prompts", "pull", pulled.toString()).out()).contains("0 written, 3 unchanged");
        assertThat(run("prompts", "push", pulled.toString()).out()).contains("0 created, 0 updated, 3 unchanged");
    }

    @Test
    void a_changed_file_is_a_new_version_and_production_moves_only_when_asked() throws IOException {
        Path prompts = dir("prompts", Map.of("claims.prompt", CLAIMS));
        run("prompts", "push", prompts.toString());
        Files.writeString(prompts.resolve("claims.prompt"), "Extract the claims of {{text}}, with sources.\n");

        Run updated = run("prompts", "push", prompts.toString());
        assertThat(updated.out()).containsPattern("updated\\s+claims\\s+v2\\s+\\(production is v1");
        Run released = run("prompts", "push", "--label", "production", prompts.toString());
        assertThat(released.out()).containsPattern("unchanged\\s+claims\\s+v2\\s+labelled production");

        Path production = folder.resolve("production");
        run("prompts", "pull", "--label", "production", production.toString());
        assertThat(Files.readString(production.resolve("claims.prompt"))).contains("with sources");

        Run rollback = run("prompts", "label", "claims", "production", "1");
        assertThat(rollback.code()).isZero();
        run("prompts", "pull", "--label", "production", production.toString());
        assertThat(Files.readString(production.resolve("claims.prompt"))).isEqualTo(CLAIMS);
        assertThat(run("prompts", "label", "claims", "production", "7").err()).contains("no version 7");
    }

    @Test
    void one_bad_file_stops_the_whole_push_naming_every_problem() throws IOException {
        Path prompts = dir(
                "prompts",
                Map.of(
                        "claims.prompt", CLAIMS,
                        "broken.prompt", "Hello {{name",
                        "header.prompt", "---\ntemperature: 0.2\n---\nHi\n"));

        Run push = run("prompts", "push", prompts.toString());
        assertThat(push.code()).isEqualTo(1);
        assertThat(push.err()).contains("header.prompt: line 2: 'temperature' is not a header");
        assertThat(push.err()).contains("nothing was pushed");
        assertThat(run("prompts", "list").out().strip()).isEqualTo("KEY  LATEST  LABELS");

        Files.delete(prompts.resolve("header.prompt"));
        Files.writeString(prompts.resolve("Bad Name.prompt"), "x");
        Run invalid = run("prompts", "push", prompts.toString());
        assertThat(invalid.code()).isEqualTo(1);
        assertThat(invalid.err()).contains("broken.prompt: template '{{' at line 1, column 7 is never closed");
        assertThat(invalid.err()).contains("Bad Name.prompt: the file name 'Bad Name' may only contain");
        assertThat(run("prompts", "list").out().strip()).isEqualTo("KEY  LATEST  LABELS");
    }

    @Test
    void pulling_a_label_skips_prompts_without_it() throws IOException {
        run(
                "prompts",
                "push",
                dir("prompts", Map.of("claims.prompt", CLAIMS, "writer.overview.prompt", OVERVIEW))
                        .toString());
        run("prompts", "label", "claims", "staging", "1");

        Path staging = folder.resolve("staging");
        Run pull = run("prompts", "pull", "--label", "staging", staging.toString());
        assertThat(pull.code()).isZero();
        assertThat(pull.out()).contains("skipped    writer.overview: it has no label staging");
        assertThat(Files.exists(staging.resolve("claims.prompt"))).isTrue();
        assertThat(Files.exists(staging.resolve("writer.overview.prompt"))).isFalse();
    }

    @Test
    void latest_cannot_be_given_as_a_label() throws IOException {
        Run push = run(
                "prompts",
                "push",
                "--label",
                "latest",
                dir("prompts", Map.of("claims.prompt", CLAIMS)).toString());
        assertThat(push.code()).isEqualTo(1);
        assertThat(push.err()).contains("--label: 'latest' always names the newest version");
    }

    @Test
    void a_folder_without_prompt_files_is_refused() throws IOException {
        Run push = run("prompts", "push", dir("empty", Map.of("notes.txt", "x")).toString());
        assertThat(push.code()).isEqualTo(1);
        assertThat(push.err()).contains("holds no .prompt files");
    }
}
