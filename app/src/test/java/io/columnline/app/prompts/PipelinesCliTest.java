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

/** {@code columnline pipelines push|pull} as an operator runs them, on a database of its own. */
class PipelinesCliTest {
    @TempDir
    Path folder;

    private Map<String, String> env;

    private static final String MAIN = """
      {"stages": [{"number": 1, "name": "Find"}],
       "steps": [
         {"key": "1_SEARCH_BUILDER", "stage": 1, "prompt_key": "v2.search_builder", "model": "o4-mini",
          "inputs": [{"name": "seed", "source": "seed", "required": false}]},
         {"key": "2_SIGNAL_DISCOVERY", "stage": 1, "prompt_key": "v2.signal_discovery",
          "inputs": [{"name": "search_builder_output", "source": "step.1_search_builder"},
                     {"name": "tone", "source": "literal", "value": {"style": "plain"}}],
          "effects": [{"seed": {"company_name": "/company_name"}}]}]}
      """;

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

    /** The same definition as {@link #MAIN}, as an operator writes it in YAML. */
    private static final String MAIN_YAML = """
      # the V2 main pipeline's first stage
      stages:
        - number: 1
          name: Find
      steps:
        - key: 1_SEARCH_BUILDER
          stage: 1
          prompt_key: v2.search_builder
          model: o4-mini
          inputs:
            - {name: seed, source: seed, required: false}
        - key: 2_SIGNAL_DISCOVERY
          stage: 1
          prompt_key: v2.signal_discovery
          inputs:
            - name: search_builder_output
              source: step.1_search_builder
            - name: tone
              source: literal
              value: {style: plain}
          effects:
            - seed: {company_name: /company_name}
      """;

    @Test
    void a_yaml_file_is_the_same_pipeline_as_its_json_and_pull_writes_yaml_on_request() throws IOException {
        Path json = dir("json", Map.of("columnline-v2.main.json", MAIN));
        assertThat(run("pipelines", "push", json.toString()).out())
                .containsPattern("created\\s+columnline-v2.main\\s+v1");
        Path yaml = dir("yaml", Map.of("columnline-v2.main.yaml", MAIN_YAML));
        Run pushed = run("pipelines", "push", yaml.toString());
        assertThat(pushed.code()).as(pushed.err()).isZero();
        assertThat(pushed.out()).containsPattern("unchanged\\s+columnline-v2.main\\s+v1");

        Path out = folder.resolve("out-yaml");
        Run pull = run("pipelines", "pull", "--format", "yaml", out.toString());
        assertThat(pull.code()).as(pull.err()).isZero();
        String pulled = Files.readString(out.resolve("columnline-v2.main.yaml"));
        assertThat(pulled).contains("source: step.1_search_builder").doesNotContain("{\"");
        assertThat(run("pipelines", "push", out.toString()).out())
                .containsPattern("unchanged\\s+columnline-v2.main\\s+v1");

        Path both = dir("both", Map.of("columnline-v2.main.json", MAIN, "columnline-v2.main.yml", MAIN_YAML));
        Run twice = run("pipelines", "push", both.toString());
        assertThat(twice.code()).isNotZero();
        assertThat(twice.err()).contains("keep one file per pipeline");

        Path broken = dir("broken", Map.of("p.yaml", "stages:\n  - number: 1\n    number: 2\n"));
        Run refused = run("pipelines", "push", broken.toString());
        assertThat(refused.code()).isNotZero();
        assertThat(refused.err()).contains("p.yaml").contains("number");
        Run badFormat = run("pipelines", "pull", "--format", "toml", out.toString());
        assertThat(badFormat.code()).isNotZero();
        assertThat(badFormat.err()).contains("--format");
    }

    @Test
    void push_saves_each_file_once_and_pull_writes_what_pushing_again_leaves_unchanged() throws IOException {
        Path in = dir("in", Map.of("columnline-v2.main.json", MAIN, "README.md", "not a pipeline"));

        Run first = run("pipelines", "push", in.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).containsPattern("created\\s+columnline-v2.main\\s+v1");
        Run again = run("pipelines", "push", in.toString());
        assertThat(again.out()).containsPattern("unchanged\\s+columnline-v2.main\\s+v1");

        Path out = folder.resolve("out");
        Run pull = run("pipelines", "pull", out.toString());
        assertThat(pull.code()).as(pull.err()).isZero();
        String pulled = Files.readString(out.resolve("columnline-v2.main.json"));
        assertThat(pulled).contains("\"source\" : \"step.1_search_builder\"");
        Run back = run("pipelines", "push", out.toString());
        assertThat(back.out()).containsPattern("unchanged\\s+columnline-v2.main\\s+v1");

        Files.writeString(in.resolve("columnline-v2.main.json"), MAIN.replace("o4-mini", "o3"));
        assertThat(run("pipelines", "push", in.toString()).out())
                .containsPattern("updated\\s+columnline-v2.main\\s+v2");
    }

    @Test
    void a_refused_prompt_or_section_beside_the_pipelines_pushes_nothing() throws IOException {
        Path in = dir("in", Map.of("columnline-v2.main.json", MAIN));
        Files.createDirectories(in.resolve("sections"));
        Files.createDirectories(in.resolve("prompts"));
        Files.writeString(in.resolve("sections/summary.json"), "{\"title\": \"Summary\", \"schema\": 3}");
        Files.writeString(in.resolve("prompts/v2.search_builder.prompt"), "---\nmodel: o4-mini\nResearch");
        Run refused = run("pipelines", "push", in.toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err())
                .contains("sections/summary.json: schema must be a JSON Schema object")
                .contains("prompts/v2.search_builder.prompt: ")
                .contains("nothing was pushed");
        assertThat(run("pipelines", "pull", folder.resolve("out").toString()).out())
                .contains("pulled 0 pipelines");
    }

    @Test
    void one_refused_file_pushes_nothing_and_names_its_problems() throws IOException {
        Path in = dir(
                "in",
                Map.of(
                        "good.json", MAIN,
                        "cyclic.json", """
                          {"steps": [{"key": "a", "prompt_key": "p", "inputs": [{"name": "x", "source": "step.b"}]},
                                     {"key": "b", "prompt_key": "p", "inputs": [{"name": "x", "source": "step.a"}]}]}""",
                        "broken.json", "{\"steps\": ["));
        Run refused = run("pipelines", "push", in.toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("cyclic.json: steps[0].inputs make a cycle between steps: a -> b -> a");
        assertThat(refused.err()).contains("broken.json: ");
        assertThat(refused.err()).contains("nothing was pushed");

        Run pull = run("pipelines", "pull", folder.resolve("out").toString());
        assertThat(pull.out()).contains("pulled 0 pipelines");
    }

    @Test
    void the_shipped_v2_pipelines_go_in_one_push_with_their_sections_and_prompts() throws IOException {
        Path examples = Path.of("..", "examples", "pipelines", "columnline-v2");
        Run pushed = run("pipelines", "push", examples.toString());
        assertThat(pushed.code()).as(pushed.err()).isZero();
        assertThat(pushed.out()).containsPattern("created\\s+columnline-v2.main\\s+v1");
        assertThat(pushed.out())
                .containsPattern("created\\s+columnline-v2.batch-composer\\s+v1")
                .containsPattern("created\\s+columnline-v2.client-prep\\s+v1")
                .containsPattern("created\\s+columnline-v2.onboarding\\s+v1");
        for (String section : new String[] {"find_lead", "enrich_lead", "insight", "copy", "media"}) {
            assertThat(pushed.out()).containsPattern("created\\s+section " + section);
        }
        assertThat(pushed.out())
                .containsPattern("created\\s+prompt v2.1_search_builder\\s+v1")
                .containsPattern("created\\s+prompt v2.claims_extraction\\s+v1")
                .containsPattern("created\\s+prompt v2.onboard.generate_icp_config\\s+v1")
                .contains("4 pipelines", "5 sections", "34 prompts");
        Run again = run("pipelines", "push", examples.toString());
        assertThat(again.out())
                .containsPattern("unchanged\\s+prompt v2.1_search_builder\\s+v1")
                .containsPattern("unchanged\\s+columnline-v2.main\\s+v1")
                .contains("0 new versions");

        Path out = folder.resolve("out");
        assertThat(run("pipelines", "pull", out.toString()).code()).isZero();
        var main = PromptsTestServer.JSON.readTree(
                out.resolve("columnline-v2.main.json").toFile());
        assertThat(out.resolve("columnline-v2.onboarding.json")).exists();
        assertThat(main.get("stages")).hasSize(5);
        assertThat(main.get("steps")).hasSize(30);
        assertThat(main.get("steps").get(1).get("inputs").findValuesAsText("source"))
                .contains("step.1_search_builder");
    }
}
