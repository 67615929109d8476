package io.columnline.application.prompts.contract;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.application.prompts.port.out.Prompts;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.prompt.Prompt;
import io.columnline.domain.prompt.PromptContent;
import io.columnline.domain.prompt.PromptKey;
import io.columnline.domain.prompt.PromptLabel;
import io.columnline.domain.prompt.PromptVersion;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link Prompts} adapter must do; run against the in-memory and the Postgres one. */
public abstract class PromptsContract {
    protected abstract Prompts prompts();

    private static final PromptKey KEY = new PromptKey("writer.company_overview");
    private static final PromptLabel STAGING = new PromptLabel("staging");

    static PromptVersion version(PromptKey key, int number, String template) {
        return new PromptVersion(key, number, PromptContent.of(template, null, null), NOW.plusSeconds(number));
    }

    @Test
    void the_first_version_registers_the_prompt_and_every_field_comes_back() {
        assertThat(prompts().byKey(KEY)).isEmpty();
        assertThat(prompts().latestVersion(KEY)).isEmpty();
        var first = new PromptVersion(
                KEY,
                1,
                PromptContent.of(
                        "Write about {{company}}.\n", "gpt-4.1-mini", new JsonDocument("{\"temperature\":0.2}")),
                NOW);
        prompts().addVersion(first);

        assertThat(prompts().byKey(KEY)).contains(new Prompt(KEY, 1, Map.of(), NOW));
        assertThat(prompts().latestVersion(KEY)).contains(1);
        assertThat(prompts().version(KEY, 1)).contains(first);
        assertThat(prompts().version(KEY, 2)).isEmpty();
    }

    @Test
    void a_version_number_that_is_taken_is_refused() {
        prompts().addVersion(version(KEY, 1, "one"));
        assertThatThrownBy(() -> prompts().addVersion(version(KEY, 1, "other"))).isInstanceOf(RuntimeException.class);
        assertThat(prompts().version(KEY, 1).orElseThrow().content().template().text())
                .isEqualTo("one");
    }

    @Test
    void labels_point_at_versions_and_move() {
        prompts().addVersion(version(KEY, 1, "one"));
        prompts().addVersion(version(KEY, 2, "two"));
        prompts().setLabel(KEY, PromptLabel.PRODUCTION, 1);
        prompts().setLabel(KEY, STAGING, 2);
        prompts().setLabel(KEY, PromptLabel.PRODUCTION, 2);

        Prompt prompt = prompts().byKey(KEY).orElseThrow();
        assertThat(prompt.latestVersion()).isEqualTo(2);
        assertThat(prompt.labels()).isEqualTo(Map.of(PromptLabel.PRODUCTION, 2, STAGING, 2));
        assertThat(prompt.createdAt()).isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void a_label_on_a_missing_version_is_refused() {
        prompts().addVersion(version(KEY, 1, "one"));
        assertThatThrownBy(() -> prompts().setLabel(KEY, STAGING, 5)).isInstanceOf(RuntimeException.class);
        assertThat(prompts().byKey(KEY).orElseThrow().labels()).isEmpty();
    }

    @Test
    void versions_come_back_newest_first_in_pages() {
        for (int i = 1; i <= 5; i++) {
            prompts().addVersion(version(KEY, i, "text " + i));
        }
        prompts().addVersion(version(new PromptKey("other"), 1, "not mine"));

        var first = prompts().versions(KEY, PageRequest.first(2));
        assertThat(first.items()).extracting(PromptVersion::version).containsExactly(5, 4);
        var second = prompts().versions(KEY, new PageRequest(2, first.next()));
        assertThat(second.items()).extracting(PromptVersion::version).containsExactly(3, 2);
        var last = prompts().versions(KEY, new PageRequest(2, second.next()));
        assertThat(last.items()).extracting(PromptVersion::version).containsExactly(1);
        assertThat(last.next()).isEmpty();
        assertThat(prompts()
                        .versions(new PromptKey("nobody"), PageRequest.first(10))
                        .items())
                .isEmpty();
    }

    @Test
    void list_pages_by_key_with_each_prompts_labels() {
        for (String key : new String[] {"c", "a", "e", "b", "d"}) {
            prompts().addVersion(version(new PromptKey(key), 1, key));
        }
        prompts().addVersion(version(new PromptKey("b"), 2, "b2"));
        prompts().setLabel(new PromptKey("b"), STAGING, 2);

        var first = prompts().list(PageRequest.first(2));
        assertThat(first.items()).extracting(p -> p.key().value()).containsExactly("a", "b");
        assertThat(first.items().get(1))
                .isEqualTo(new Prompt(new PromptKey("b"), 2, Map.of(STAGING, 2), NOW.plusSeconds(1)));
        var second = prompts().list(new PageRequest(2, first.next()));
        assertThat(second.items()).extracting(p -> p.key().value()).containsExactly("c", "d");
        var last = prompts().list(new PageRequest(2, second.next()));
        assertThat(last.items()).extracting(p -> p.key().value()).containsExactly("e");
        assertThat(last.next()).isEmpty();
    }
}
