package io.columnline.application.prompts.memory;

import io.columnline.application.prompts.port.out.SectionDefinitions;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.section.SectionDefinition;
import io.columnline.domain.section.SectionKey;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemorySectionDefinitions implements SectionDefinitions {
    private static final Comparator<SectionDefinition> ORDER = Comparator.comparingInt(SectionDefinition::position)
            .thenComparing(d -> d.key().value());

    private final Map<SectionKey, SectionDefinition> byKey = new ConcurrentHashMap<>();

    @Override
    public Optional<SectionDefinition> byKey(SectionKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    @Override
    public void save(SectionDefinition definition) {
        byKey.merge(
                definition.key(),
                definition,
                (old, neu) -> new SectionDefinition(
                        neu.key(),
                        neu.title(),
                        neu.position(),
                        neu.writerPromptKey(),
                        neu.required(),
                        neu.schema(),
                        old.createdAt(),
                        neu.updatedAt()));
    }

    @Override
    public Page<SectionDefinition> list(PageRequest page) {
        List<SectionDefinition> rows = byKey.values().stream()
                .filter(d -> page.cursor().map(c -> after(d, c)).orElse(true))
                .sorted(ORDER)
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromLookahead(
                rows,
                page.limit(),
                d -> Cursor.of(Integer.toString(d.position()), d.key().value()));
    }

    @Override
    public List<SectionDefinition> all() {
        return byKey.values().stream().sorted(ORDER).toList();
    }

    private static boolean after(SectionDefinition d, Cursor cursor) {
        int position;
        try {
            position = Integer.parseInt(cursor.value(0));
            cursor.value(1);
        } catch (RuntimeException e) {
            throw new Invalid("cursor", "is not a cursor this API returned; pass next_cursor unchanged");
        }
        return d.position() > position
                || d.position() == position && d.key().value().compareTo(cursor.value(1)) > 0;
    }
}
