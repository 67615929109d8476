package io.columnline.application.prompts.service;

import io.columnline.application.prompts.port.in.ReadSectionDefinitionsUseCase;
import io.columnline.application.prompts.port.in.SaveSectionDefinitionUseCase;
import io.columnline.application.prompts.port.in.SectionCatalog;
import io.columnline.application.prompts.port.out.SectionDefinitions;
import io.columnline.application.shared.JsonSchemaValidator;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.shared.Transactions;
import io.columnline.domain.access.Caller;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.error.Violations;
import io.columnline.domain.section.SectionDefinition;
import io.columnline.domain.section.SectionKey;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Section definitions are installation-wide: any key reads them, only admin keys write them. */
public final class SectionDefinitionService
        implements SaveSectionDefinitionUseCase, ReadSectionDefinitionsUseCase, SectionCatalog {
    private final SectionDefinitions definitions;
    private final JsonSchemaValidator schemas;
    private final Transactions transactions;
    private final Clock clock;

    @Inject
    public SectionDefinitionService(
            SectionDefinitions definitions, JsonSchemaValidator schemas, Transactions transactions, Clock clock) {
        this.definitions = definitions;
        this.schemas = schemas;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Saved save(Command command) {
        command.caller().requireAdmin();
        var problems = new Violations();
        SectionKey key = null;
        SectionDefinition.Content content = null;
        try {
            key = new SectionKey(command.key());
        } catch (Invalid e) {
            problems.addAll(e.violations());
        }
        try {
            content = SectionDefinition.Content.of(
                    command.title(),
                    command.position(),
                    command.writerPromptKey(),
                    command.required(),
                    command.schema());
        } catch (Invalid e) {
            problems.addAll(e.violations());
        }
        if (command.schema() != null) {
            schemas.checkSchema(command.schema()).forEach(p -> problems.add("schema" + p.pointer(), p.message()));
        }
        problems.throwIfAny();
        SectionKey checkedKey = key;
        SectionDefinition.Content checkedContent = content;
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<SectionDefinition> existing = definitions.byKey(checkedKey);
            if (existing.isEmpty()) {
                SectionDefinition created = SectionDefinition.create(checkedKey, checkedContent, now);
                definitions.save(created);
                return new Saved(created, true);
            }
            SectionDefinition replaced = existing.get().replace(checkedContent, now);
            if (replaced != existing.get()) {
                definitions.save(replaced);
            }
            return new Saved(replaced, false);
        });
    }

    @Override
    public SectionDefinition get(Caller caller, SectionKey key) {
        return definitions.byKey(key).orElseThrow(() -> new NotFound("section definition", key));
    }

    @Override
    public Page<SectionDefinition> list(Caller caller, PageRequest page) {
        return definitions.list(page);
    }

    @Override
    public List<SectionDefinition> all() {
        return definitions.all();
    }
}
