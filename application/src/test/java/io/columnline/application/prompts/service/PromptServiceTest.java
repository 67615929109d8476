package io.columnline.application.prompts.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.application.prompts.memory.InMemoryPromptUsage;
import io.columnline.application.prompts.memory.InMemoryPrompts;
import io.columnline.application.prompts.port.in.ReadPromptsUseCase.VersionEntry;
import io.columnline.application.prompts.port.in.SavePromptUseCase;
import io.columnline.application.prompts.port.in.SavePromptUseCase.Draft;
import io.columnline.application.prompts.port.out.PromptUsage.Usage;
import io.columnline.application.shared.Fixtures;
import io.columnline.application.shared.InMemoryTransactions;
import io.columnline.application.shared.MutableClock;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tenancy.memory.InMemoryClients;
import io.columnline.application.tracking.contract.RunFixtures;
import io.columnline.application.tracking.memory.InMemoryRuns;
import io.columnline.application.tracking.memory.InMemoryStepLog;
import io.columnline.domain.access.ApiKeyId;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.error.Forbidden;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.error.Violation;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.prompt.PromptKey;
import io.columnline.domain.prompt.PromptLabel;
import io.columnline.domain.prompt.PromptSelector;
import io.columnline.domain.run.PriceTable;
import io.columnline.domain.run.Step;
import io.columnline.domain.run.StepEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptServiceTest {
    private static final Caller ADMIN = new Caller.Admin(ApiKeyId.random());
    private static final Caller CLIENT = new Caller.OfClient(ApiKeyId.random(), ClientId.random());
    private static final PromptKey KEY = new PromptKey("writer.overview");
    private static final PromptLabel STAGING = new PromptLabel("staging");

    private final InMemoryPrompts prompts = new InMemoryPrompts();
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryStepLog steps = new InMemoryStepLog(runs);
    private final InMemoryPromptUsage usage = new InMemoryPromptUsage(steps);
    private final MutableClock clock = new MutableClock(Fixtures.NOW);
    private final PromptService service = new PromptService(prompts, usage, new InMemoryTransactions(), clock);

    private static Draft draft(String template, String... labels) {
        return new Draft(
                KEY.value(), template, "gpt-4.1-mini", new JsonDocument("{\"temperature\":0.2}"), List.of(labels));
    }

    private SavePromptUseCase.Saved save(String template, String... labels) {
        clock.advance(Duration.ofSeconds(1));
        return service.save(ADMIN, draft(template, labels));
    }

    @Test
    void the_first_version_is_labelled_production_and_latest() {
        var saved = save("Write about {{company}}.");

        assertThat(saved.created()).isTrue();
        assertThat(saved.version().version()).isEqualTo(1);
        assertThat(saved.movedLabels()).containsExactly(PromptLabel.PRODUCTION);
        assertThat(saved.prompt().allLabels()).isEqualTo(Map.of(PromptLabel.LATEST, 1, PromptLabel.PRODUCTION, 1));
    }

    @Test
    void unchanged_content_creates_no_new_version() {
        save("Write about {{company}}.");
        var again = save("Write about {{company}}.");

        assertThat(again.newVersion()).isFalse();
        assertThat(again.version().version()).isEqualTo(1);
        assertThat(again.movedLabels()).isEmpty();
        assertThat(prompts.latestVersion(KEY)).contains(1);
    }

    @Test
    void changed_content_is_a_new_version_and_production_stays_where_it_was() {
        save("v1 {{company}}");
        var second = save("v2 {{company}}");
        var changedModel = service.save(ADMIN, new Draft(KEY.value(), "v2 {{company}}", "gpt-5", null, List.of()));

        assertThat(second.version().version()).isEqualTo(2);
        assertThat(changedModel.version().version()).isEqualTo(3);
        assertThat(changedModel.prompt().allLabels())
                .isEqualTo(Map.of(PromptLabel.LATEST, 3, PromptLabel.PRODUCTION, 1));
        assertThat(service.get(CLIENT, KEY, PromptSelector.PRODUCTION)
                        .version()
                        .content()
                        .template()
                        .text())
                .isEqualTo("v1 {{company}}");
    }

    @Test
    void labels_given_with_a_draft_are_put_on_its_version_even_when_it_is_unchanged() {
        save("v1");
        save("v2", "staging");
        var promoted = save("v2", "production", "staging");

        assertThat(promoted.newVersion()).isFalse();
        assertThat(promoted.movedLabels()).containsExactly(PromptLabel.PRODUCTION);
        assertThat(promoted.prompt().labels()).isEqualTo(Map.of(PromptLabel.PRODUCTION, 2, STAGING, 2));
    }

    @Test
    void every_problem_of_a_draft_is_reported_and_nothing_is_written() {
        assertThatThrownBy(() ->
                        service.save(ADMIN, new Draft("Bad Key", "Hello {{name", " ", null, List.of("latest", "ok"))))
                .isInstanceOfSatisfying(
                        Invalid.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly("key", "template", "model", "labels[0]"));
        assertThat(prompts.list(PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void client_keys_read_prompts_but_only_admin_keys_write_them() {
        save("v1");
        assertThatThrownBy(() -> service.save(CLIENT, draft("v2"))).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> service.moveLabel(CLIENT, KEY, "staging", 1)).isInstanceOf(Forbidden.class);
        assertThat(service.get(CLIENT, KEY, PromptSelector.PRODUCTION).version().version())
                .isEqualTo(1);
        assertThat(service.list(CLIENT, PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void get_chooses_by_label_or_version_and_an_unknown_prompt_is_not_found() {
        save("v1");
        save("v2", "staging");

        assertThat(service.get(CLIENT, KEY, PromptSelector.of(null, null))
                        .version()
                        .version())
                .isEqualTo(1);
        assertThat(service.get(CLIENT, KEY, PromptSelector.of("staging", null)).labels())
                .containsExactly(PromptLabel.LATEST, STAGING);
        assertThat(service.get(CLIENT, KEY, PromptSelector.of(null, 2))
                        .version()
                        .version())
                .isEqualTo(2);
        assertThatThrownBy(() -> service.get(CLIENT, new PromptKey("nobody"), PromptSelector.PRODUCTION))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> service.get(CLIENT, KEY, PromptSelector.of("canary", null)))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void moving_a_label_back_is_a_rollback() {
        save("v1");
        save("v2");
        assertThat(service.moveLabel(ADMIN, KEY, "production", 2).labels()).containsEntry(PromptLabel.PRODUCTION, 2);
        assertThat(service.moveLabel(ADMIN, KEY, "production", 1).labels()).containsEntry(PromptLabel.PRODUCTION, 1);
    }

    @Test
    void a_label_pointing_at_a_missing_version_is_invalid() {
        save("v1");
        assertThatThrownBy(() -> service.moveLabel(ADMIN, KEY, "staging", 4))
                .isInstanceOfSatisfying(Invalid.class, e -> {
                    assertThat(e.violations().get(0).field()).isEqualTo("version");
                    assertThat(e.violations().get(0).message()).contains("no version 4");
                });
        assertThatThrownBy(() -> service.moveLabel(ADMIN, KEY, "latest", 1)).isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> service.moveLabel(ADMIN, KEY, "staging", null)).isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> service.moveLabel(ADMIN, new PromptKey("nobody"), "staging", 1))
                .isInstanceOf(NotFound.class);
        assertThat(prompts.byKey(KEY).orElseThrow().labels()).doesNotContainKey(STAGING);
    }

    @Test
    void render_fills_the_chosen_version_and_names_every_missing_variable() {
        save("Research {{company}} at {{domain}}.");
        save("Only {{company}}.", "staging");

        var rendered =
                service.render(CLIENT, KEY, PromptSelector.PRODUCTION, Map.of("company", "Acme", "domain", "acme.com"));
        assertThat(rendered.text()).isEqualTo("Research Acme at acme.com.");
        assertThat(rendered.version().version()).isEqualTo(1);
        assertThat(service.render(CLIENT, KEY, PromptSelector.of("staging", null), Map.of("company", "Acme"))
                        .text())
                .isEqualTo("Only Acme.");
        assertThatThrownBy(() -> service.render(CLIENT, KEY, PromptSelector.PRODUCTION, Map.of()))
                .isInstanceOfSatisfying(
                        Invalid.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly("variables.company", "variables.domain"));
    }

    @Test
    void versions_show_their_labels_and_the_usage_the_step_log_reports() {
        save("v1");
        save("v2");
        logStep("a", 1, new BigDecimal("0.0125"));
        logStep("b", 1, new BigDecimal("0.0100"));

        var page = service.versions(CLIENT, KEY, PageRequest.first(10));
        assertThat(page.items()).extracting(e -> e.version().version()).containsExactly(2, 1);
        VersionEntry second = page.items().get(0);
        VersionEntry first = page.items().get(1);
        assertThat(second.labels()).containsExactly(PromptLabel.LATEST);
        assertThat(second.usage()).isEqualTo(Usage.NONE);
        assertThat(first.labels()).containsExactly(PromptLabel.PRODUCTION);
        assertThat(first.usage()).isEqualTo(new Usage(2, new BigDecimal("0.0225")));
    }

    /** A step of some run that names version {@code version} of the prompt and cost {@code cost}. */
    private void logStep(String stepKey, int version, BigDecimal cost) {
        var client = Fixtures.client("usage-" + stepKey);
        clients.save(client);
        var run = RunFixtures.run(client);
        runs.insert(run);
        var draft = RunFixtures.draft(stepKey, 1, "writers");
        var entry = new StepEntry.Draft(
                        draft.stepKey(),
                        draft.attempt(),
                        draft.stage(),
                        null,
                        KEY.value(),
                        version,
                        draft.model(),
                        draft.input(),
                        draft.output(),
                        draft.tokensInput(),
                        draft.tokensOutput(),
                        cost,
                        draft.latencyMs(),
                        "success",
                        null)
                .entry();
        steps.append(List.of(Step.log(run.id(), run.client(), entry, PriceTable.of(List.of()), Fixtures.NOW)));
    }

    @Test
    void saving_a_folder_is_all_or_nothing_and_saving_it_again_changes_nothing() {
        var folder = List.of(
                new Draft("a", "A {{x}}", null, null, List.of()),
                new Draft("b", "B", "gpt-5", new JsonDocument("{\"max_tokens\":10}"), List.of()));
        var broken = List.of(folder.get(0), new Draft("c", "C {{", null, null, List.of()));

        assertThatThrownBy(() -> service.saveAll(ADMIN, broken)).isInstanceOfSatisfying(Invalid.class, e -> {
            assertThat(e.violations()).extracting(Violation::field).containsExactly("prompts[1].template");
            assertThat(SavePromptUseCase.draftIndex(e.violations().get(0))).contains(1);
        });
        assertThat(prompts.list(PageRequest.first(10)).items()).isEmpty();

        assertThat(service.saveAll(ADMIN, folder))
                .allSatisfy(s -> assertThat(s.created()).isTrue());
        assertThat(service.saveAll(ADMIN, folder)).allSatisfy(s -> {
            assertThat(s.newVersion()).isFalse();
            assertThat(s.movedLabels()).isEmpty();
        });
        assertThat(prompts.latestVersion(new PromptKey("b"))).contains(1);
    }

    @Test
    void the_same_key_twice_in_one_folder_is_refused() {
        var twice = List.of(new Draft("a", "one", null, null, List.of()), new Draft("a", "two", null, null, List.of()));
        assertThatThrownBy(() -> service.saveAll(ADMIN, twice))
                .isInstanceOfSatisfying(
                        Invalid.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("prompts[1].key"));
    }
}
