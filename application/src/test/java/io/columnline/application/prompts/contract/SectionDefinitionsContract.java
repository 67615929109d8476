package io.columnline.application.prompts.contract;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.prompts.port.out.SectionDefinitions;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.section.SectionDefinition;
import io.columnline.domain.section.SectionKey;
import org.junit.jupiter.api.Test;

/** What every {@link SectionDefinitions} adapter must do; run against the in-memory and the Postgres one. */
public abstract class SectionDefinitionsContract {
    protected abstract SectionDefinitions definitions();

    static final JsonDocument SCHEMA = new JsonDocument(
            "{\"properties\":{\"summary\":{\"type\":\"string\"}},\"required\":[\"summary\"],\"type\":\"object\"}");

    static SectionDefinition definition(String key, int position) {
        return SectionDefinition.create(
                new SectionKey(key),
                SectionDefinition.Content.of(key + " title", position, "writer." + key, position % 2 == 0, SCHEMA),
                NOW);
    }

    @Test
    void a_saved_definition_comes_back_with_every_field() {
        SectionDefinition overview = definition("overview", 1);
        definitions().save(overview);

        assertThat(definitions().byKey(new SectionKey("overview"))).contains(overview);
        assertThat(definitions().byKey(new SectionKey("missing"))).isEmpty();
    }

    @Test
    void saving_again_replaces_the_content_and_keeps_the_creation_time() {
        SectionDefinition overview = definition("overview", 1);
        definitions().save(overview);
        var content = SectionDefinition.Content.of(
                "Company overview", 3, "writer.overview_v2", true, new JsonDocument("{\"type\":\"object\"}"));
        SectionDefinition replaced = overview.replace(content, NOW.plusSeconds(60));
        definitions().save(replaced);

        assertThat(definitions().byKey(new SectionKey("overview"))).contains(replaced);
        assertThat(definitions().all()).containsExactly(replaced);
    }

    @Test
    void list_orders_by_position_then_key_in_pages() {
        definitions().save(definition("people", 2));
        definitions().save(definition("signals", 3));
        definitions().save(definition("overview", 1));
        definitions().save(definition("angles", 2));
        definitions().save(definition("news", 0));

        var first = definitions().list(PageRequest.first(2));
        assertThat(first.items()).extracting(d -> d.key().value()).containsExactly("news", "overview");
        var second = definitions().list(new PageRequest(2, first.next()));
        assertThat(second.items()).extracting(d -> d.key().value()).containsExactly("angles", "people");
        var last = definitions().list(new PageRequest(2, second.next()));
        assertThat(last.items()).extracting(d -> d.key().value()).containsExactly("signals");
        assertThat(last.next()).isEmpty();

        assertThat(definitions().all())
                .extracting(d -> d.key().value())
                .containsExactly("news", "overview", "angles", "people", "signals");
    }
}
