package io.columnline.application.prompts.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.application.prompts.memory.InMemoryPrompts;
import io.columnline.application.prompts.port.in.SavePromptUseCase.Draft;
import io.columnline.application.prompts.service.PromptCatalog.Reference;
import io.columnline.application.shared.Fixtures;
import io.columnline.application.shared.InMemoryTransactions;
import io.columnline.domain.access.ApiKeyId;
import io.columnline.domain.access.Caller;
import io.columnline.domain.error.Invalid;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptCatalogTest {
    private final InMemoryPrompts prompts = new InMemoryPrompts();
    private final PromptCatalog catalog = new PromptCatalog(prompts, Clock.systemUTC());

    PromptCatalogTest() {
        var service = new PromptService(
                prompts,
                key -> java.util.Map.of(),
                new InMemoryTransactions(),
                Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));
        var admin = new Caller.Admin(ApiKeyId.random());
        service.save(admin, new Draft("claims", "one", null, null, List.of()));
        service.save(admin, new Draft("claims", "two", null, null, List.of()));
    }

    @Test
    void a_registered_prompt_must_name_a_version_it_has() {
        assertThat(catalog.check("claims", 2)).isEqualTo(Reference.KNOWN_VERSION);
        assertThat(catalog.check("claims", 3)).isEqualTo(Reference.MISSING_VERSION);
        assertThat(catalog.check("claims", 0)).isEqualTo(Reference.MISSING_VERSION);
        assertThatThrownBy(() -> catalog.requireVersionIfRegistered("prompt_version", "claims", 3))
                .isInstanceOfSatisfying(Invalid.class, e -> {
                    assertThat(e.violations().get(0).field()).isEqualTo("prompt_version");
                    assertThat(e.violations().get(0).message())
                            .contains("no version 3")
                            .contains("1 to 2");
                });
    }

    @Test
    void a_key_never_registered_is_accepted_as_it_is() {
        assertThat(catalog.check("kept.elsewhere", 7)).isEqualTo(Reference.UNREGISTERED_KEY);
        assertThat(catalog.check("Not A Key", 1)).isEqualTo(Reference.UNREGISTERED_KEY);
        assertThatCode(() -> catalog.requireVersionIfRegistered("prompt_version", "kept.elsewhere", 7))
                .doesNotThrowAnyException();
    }
}
