package io.columnline.application.prompts.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.application.prompts.memory.InMemorySectionDefinitions;
import io.columnline.application.prompts.port.in.SaveSectionDefinitionUseCase.Command;
import io.columnline.application.shared.Fixtures;
import io.columnline.application.shared.InMemoryTransactions;
import io.columnline.application.shared.JsonSchemaValidator.SchemaProblem;
import io.columnline.application.shared.MutableClock;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.shared.ScriptedJsonSchemaValidator;
import io.columnline.domain.access.ApiKeyId;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.error.Forbidden;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.error.Violation;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.section.SectionKey;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SectionDefinitionServiceTest {
    private static final Caller ADMIN = new Caller.Admin(ApiKeyId.random());
    private static final Caller CLIENT = new Caller.OfClient(ApiKeyId.random(), ClientId.random());
    private static final JsonDocument SCHEMA = new JsonDocument("{\"type\":\"object\"}");

    private final InMemorySectionDefinitions definitions = new InMemorySectionDefinitions();
    private final ScriptedJsonSchemaValidator schemas = new ScriptedJsonSchemaValidator();
    private final MutableClock clock = new MutableClock(Fixtures.NOW);
    private final SectionDefinitionService service =
            new SectionDefinitionService(definitions, schemas, new InMemoryTransactions(), clock);

    private static Command command(Caller caller, String key, int position, JsonDocument schema) {
        return new Command(caller, key, "Title of " + key, position, "writer." + key, true, schema);
    }

    @Test
    void a_definition_is_created_then_replaced_and_an_unchanged_put_changes_nothing() {
        var created = service.save(command(ADMIN, "overview", 1, SCHEMA));
        assertThat(created.created()).isTrue();

        clock.advance(Duration.ofMinutes(1));
        var same = service.save(command(ADMIN, "overview", 1, SCHEMA));
        assertThat(same.created()).isFalse();
        assertThat(same.definition()).isEqualTo(created.definition());

        var moved = service.save(command(ADMIN, "overview", 4, SCHEMA));
        assertThat(moved.definition().position()).isEqualTo(4);
        assertThat(moved.definition().updatedAt()).isEqualTo(clock.instant());
        assertThat(service.get(CLIENT, new SectionKey("overview"))).isEqualTo(moved.definition());
    }

    @Test
    void an_invalid_schema_is_refused_with_a_pointer_into_it_and_nothing_is_stored() {
        var bad = new JsonDocument("{\"type\":\"strin\"}");
        schemas.rejectSchema(bad, new SchemaProblem("/type", "does not match any allowed type"));

        assertThatThrownBy(() -> service.save(command(ADMIN, "overview", 1, bad)))
                .isInstanceOfSatisfying(
                        Invalid.class,
                        e -> assertThat(e.violations())
                                .containsExactly(new Violation("schema/type", "does not match any allowed type")));
        assertThat(definitions.all()).isEmpty();
    }

    @Test
    void every_problem_is_reported_at_once() {
        assertThatThrownBy(() -> service.save(new Command(ADMIN, "Bad Key", " ", -2, null, null, null)))
                .isInstanceOfSatisfying(
                        Invalid.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly(
                                        "key", "title", "position", "writer_prompt_key", "required", "schema"));
    }

    @Test
    void only_admin_keys_write_and_any_key_reads_the_ordered_list() {
        assertThatThrownBy(() -> service.save(command(CLIENT, "overview", 1, SCHEMA)))
                .isInstanceOf(Forbidden.class);
        service.save(command(ADMIN, "people", 2, SCHEMA));
        service.save(command(ADMIN, "overview", 1, SCHEMA));

        assertThat(service.list(CLIENT, PageRequest.first(10)).items())
                .extracting(d -> d.key().value())
                .containsExactly("overview", "people");
        assertThatThrownBy(() -> service.get(CLIENT, new SectionKey("missing"))).isInstanceOf(NotFound.class);
    }
}
