package io.columnline.application.prompts.contract;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.application.prompts.port.out.Pipelines;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.pipeline.Pipeline;
import io.columnline.domain.pipeline.PipelineKey;
import io.columnline.domain.pipeline.PipelineVersion;
import io.columnline.domain.prompt.PromptLabel;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link Pipelines} adapter must do; run against the in-memory and the Postgres one. */
public abstract class PipelinesContract {
    protected abstract Pipelines pipelines();

    private static final PipelineKey KEY = new PipelineKey("columnline-v2.main");
    private static final PromptLabel STAGING = new PromptLabel("staging");

    static PipelineVersion version(PipelineKey key, int number, String step) {
        return new PipelineVersion(
                key,
                number,
                new JsonDocument("{\"steps\":[{\"key\":\"" + step + "\",\"prompt_key\":\"p\"}]}"),
                NOW.plusSeconds(number));
    }

    @Test
    void the_first_version_registers_the_pipeline_and_its_definition_comes_back_byte_for_byte() {
        assertThat(pipelines().byKey(KEY)).isEmpty();
        var text = "{\"stages\":[{\"name\":\"Find\",\"number\":1}],\"steps\":[{\"inputs\":[{\"name\":\"s\","
                + "\"source\":\"seed\"}],\"key\":\"1_search_builder\",\"model_params\":{\"reasoning\":"
                + "{\"effort\":\"high\"}},\"prompt_key\":\"v2.search_builder\"}]}";
        pipelines().addVersion(new PipelineVersion(KEY, 1, new JsonDocument(text), NOW));

        assertThat(pipelines().byKey(KEY)).contains(new Pipeline(KEY, 1, Map.of(), NOW));
        assertThat(pipelines().version(KEY, 1).orElseThrow().definition().text())
                .isEqualTo(text);
        assertThat(pipelines().version(KEY, 1).orElseThrow().createdAt()).isEqualTo(NOW);
        assertThat(pipelines().version(KEY, 2)).isEmpty();
    }

    @Test
    void labels_point_at_versions_and_move() {
        pipelines().addVersion(version(KEY, 1, "a"));
        pipelines().addVersion(version(KEY, 2, "b"));
        pipelines().setLabel(KEY, PromptLabel.PRODUCTION, 1);
        pipelines().setLabel(KEY, STAGING, 2);
        assertThat(pipelines().byKey(KEY).orElseThrow().labels())
                .isEqualTo(Map.of(PromptLabel.PRODUCTION, 1, STAGING, 2));

        pipelines().setLabel(KEY, PromptLabel.PRODUCTION, 2);
        Pipeline pipeline = pipelines().byKey(KEY).orElseThrow();
        assertThat(pipeline.latestVersion()).isEqualTo(2);
        assertThat(pipeline.labels()).isEqualTo(Map.of(PromptLabel.PRODUCTION, 2, STAGING, 2));
    }

    @Test
    void a_taken_version_number_is_refused() {
        pipelines().addVersion(version(KEY, 1, "a"));
        assertThatThrownBy(() -> pipelines().addVersion(version(KEY, 1, "b"))).isInstanceOf(RuntimeException.class);
    }

    @Test
    void versions_come_back_newest_first_in_pages() {
        for (int i = 1; i <= 5; i++) {
            pipelines().addVersion(version(KEY, i, "s" + i));
        }
        pipelines().addVersion(version(new PipelineKey("other"), 1, "x"));

        var first = pipelines().versions(KEY, PageRequest.first(2));
        assertThat(first.items()).extracting(PipelineVersion::version).containsExactly(5, 4);
        var second = pipelines().versions(KEY, new PageRequest(2, first.next()));
        assertThat(second.items()).extracting(PipelineVersion::version).containsExactly(3, 2);
        var last = pipelines().versions(KEY, new PageRequest(2, second.next()));
        assertThat(last.items()).extracting(PipelineVersion::version).containsExactly(1);
        assertThat(last.next()).isEmpty();
        assertThat(pipelines()
                        .versions(new PipelineKey("nobody"), PageRequest.first(10))
                        .items())
                .isEmpty();
    }

    @Test
    void list_pages_by_key_with_each_pipelines_labels() {
        for (String key : new String[] {"c", "a", "e", "b", "d"}) {
            pipelines().addVersion(version(new PipelineKey(key), 1, key));
        }
        pipelines().addVersion(version(new PipelineKey("b"), 2, "b2"));
        pipelines().setLabel(new PipelineKey("b"), STAGING, 2);

        var first = pipelines().list(PageRequest.first(2));
        assertThat(first.items()).extracting(p -> p.key().value()).containsExactly("a", "b");
        assertThat(first.items().get(1))
                .isEqualTo(new Pipeline(new PipelineKey("b"), 2, Map.of(STAGING, 2), NOW.plusSeconds(1)));
        var second = pipelines().list(new PageRequest(2, first.next()));
        assertThat(second.items()).extracting(p -> p.key().value()).containsExactly("c", "d");
        var last = pipelines().list(new PageRequest(2, second.next()));
        assertThat(last.items()).extracting(p -> p.key().value()).containsExactly("e");
        assertThat(last.next()).isEmpty();
    }
}
