package io.columnline.domain.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.Violation;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.pipeline.PipelineDefinition.Draft;
import io.columnline.domain.pipeline.PipelineDefinition.EffectDraft;
import io.columnline.domain.pipeline.PipelineDefinition.InputDraft;
import io.columnline.domain.pipeline.PipelineDefinition.Source;
import io.columnline.domain.pipeline.PipelineDefinition.StageDraft;
import io.columnline.domain.pipeline.PipelineDefinition.StepDraft;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PipelineDefinitionTest {
    private static StepDraft step(String key, int stage, InputDraft... inputs) {
        return new StepDraft(key, stage, "v2." + key.toLowerCase(), null, "gpt-4.1", List.of(inputs), List.of());
    }

    private static InputDraft input(String name, String source, String pointer) {
        return new InputDraft(name, source, pointer, null, null);
    }

    private static List<String> fields(Draft draft) {
        return catchThrowableOfType(Invalid.class, () -> PipelineDefinition.check(draft)).violations().stream()
                .map(Violation::field)
                .toList();
    }

    @Test
    void a_valid_definition_folds_step_keys_and_reads_every_kind_of_source() {
        var draft = new Draft(
                List.of(new StageDraft(1, "Find"), new StageDraft(2, "Enrich")),
                List.of(
                        step(
                                "1_SEARCH_BUILDER",
                                1,
                                input("seed", "seed", null),
                                input("today", "run.current_date", null)),
                        new StepDraft(
                                "2_SIGNAL_DISCOVERY",
                                1,
                                "v2.signal_discovery",
                                "staging",
                                null,
                                List.of(
                                        input("search_builder_output", "step.1_SEARCH_BUILDER", "/queries"),
                                        input("icp", "client.icp_config_compressed", null),
                                        new InputDraft("tone", "literal", null, false, new JsonDocument("\"plain\""))),
                                List.of(
                                        new EffectDraft(
                                                null, null, null, null, "/company/name", "/company/domain", true, null),
                                        new EffectDraft("find_lead", "/lead", null, null, null, null, false, null))),
                        new StepDraft(
                                "6_enrich_contacts",
                                2,
                                "v2.contacts",
                                null,
                                null,
                                List.of(input("all", "steps.2_signal_discovery", null)),
                                List.of(
                                        new EffectDraft(null, null, "/contacts", null, null, null, false, null),
                                        new EffectDraft(null, null, null, null, null, null, false, "/contacts")))));

        PipelineDefinition definition = PipelineDefinition.check(draft);

        assertThat(definition.steps())
                .extracting(PipelineDefinition.Step::key)
                .containsExactly("1_search_builder", "2_signal_discovery", "6_enrich_contacts");
        var discovery = definition.steps().get(1);
        assertThat(discovery.dependsOn()).containsExactly("1_search_builder");
        assertThat(discovery.inputs().get(0).source()).isEqualTo(new Source.StepOutput("1_search_builder", false));
        assertThat(discovery.inputs().get(0).pointer()).contains("/queries");
        assertThat(discovery.inputs().get(1).source()).isEqualTo(new Source.ClientField("icp_config_compressed"));
        assertThat(discovery.inputs().get(2).required()).isFalse();
        assertThat(discovery.effects().get(0))
                .isEqualTo(new PipelineDefinition.Effect.Seed("/company/name", Optional.of("/company/domain")));
        assertThat(definition.steps().get(2).inputs().get(0).source())
                .isEqualTo(new Source.StepOutput("2_signal_discovery", true));
        assertThat(definition.steps().get(2).effects().get(0))
                .isEqualTo(new PipelineDefinition.Effect.Contacts("/contacts", true));
        assertThat(definition.steps().get(0).inputs().get(1).source()).isEqualTo(new Source.RunValue("current_date"));
    }

    @Test
    void a_cycle_is_refused_naming_the_step_and_the_loop() {
        var draft = new Draft(
                List.of(),
                List.of(
                        step("a", 1, input("x", "step.c", null)),
                        step("b", 1, input("x", "step.a", null)),
                        step("c", 1, input("x", "step.b", null))));
        var refused = catchThrowableOfType(Invalid.class, () -> PipelineDefinition.check(draft));
        assertThat(refused.violations()).hasSize(1);
        assertThat(refused.violations().get(0).field()).isEqualTo("steps[0].inputs");
        assertThat(refused.violations().get(0).message()).contains("a -> c -> b -> a");
    }

    @Test
    void unknown_sources_bad_pointers_and_bad_effects_are_all_named_by_path() {
        var draft = new Draft(
                List.of(new StageDraft(1, "Find"), new StageDraft(1, "Again")),
                List.of(
                        step("a", 1, input("x", "step.nobody", null), input("y", "weather", null)),
                        new StepDraft(
                                "b",
                                7,
                                "p",
                                null,
                                null,
                                List.of(input("x", "seed", "no-slash"), input("x", "run.tomorrow", "/a~2")),
                                List.of(
                                        new EffectDraft("s", null, "/c", null, null, null, false, null),
                                        new EffectDraft(null, null, null, null, null, null, true, null)))));
        assertThat(fields(draft))
                .containsExactlyInAnyOrder(
                        "stages[1].number",
                        "steps[0].inputs[0].source",
                        "steps[0].inputs[1].source",
                        "steps[1].stage",
                        "steps[1].inputs[0].pointer",
                        "steps[1].inputs[1].name",
                        "steps[1].inputs[1].source",
                        "steps[1].inputs[1].pointer",
                        "steps[1].effects[0]",
                        "steps[1].effects[1].seed.company_name");
    }

    @Test
    void a_pipeline_without_steps_or_with_a_step_twice_is_refused() {
        assertThat(fields(new Draft(null, null))).containsExactly("steps");
        assertThat(fields(new Draft(null, List.of(step("a", 1), step("A", 1))))).containsExactly("steps[1].key");
        var chain = new java.util.ArrayList<StepDraft>();
        for (int i = 0; i <= PipelineDefinition.MAX_STEPS; i++) {
            chain.add(step("s" + i, 1, input("x", "step.s" + (i + 1), null)));
        }
        assertThat(fields(new Draft(null, chain))).containsExactly("steps");
        chain.remove(chain.size() - 1);
        chain.set(chain.size() - 1, step("s" + (chain.size() - 1), 1));
        assertThat(PipelineDefinition.check(new Draft(null, chain)).steps()).hasSize(PipelineDefinition.MAX_STEPS);
    }
}
