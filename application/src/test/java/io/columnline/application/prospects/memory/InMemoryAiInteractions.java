package io.columnline.application.prospects.memory;

import io.columnline.application.prospects.port.out.AiInteractions;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.prospect.AiInteraction;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

public final class InMemoryAiInteractions implements AiInteractions {
    private final List<AiInteraction> rows = new CopyOnWriteArrayList<>();

    @Override
    public void insert(AiInteraction interaction) {
        rows.add(interaction);
    }

    @Override
    public Page<AiInteraction> list(
            ClientId client, Optional<String> sessionKey, Optional<String> conversationId, PageRequest page) {
        Comparator<AiInteraction> order =
                Comparator.comparing(AiInteraction::createdAt).thenComparing(i -> i.id().toString());
        List<AiInteraction> found = rows.stream()
                .filter(i -> i.client().equals(client))
                .filter(i -> sessionKey.isEmpty() || i.sessionKey().equals(sessionKey))
                .filter(i -> conversationId.isEmpty() || i.conversationId().equals(conversationId))
                .filter(i -> page.cursor().isEmpty()
                        || i.createdAt()
                                        .toString()
                                        .compareTo(page.cursor().get().value(0))
                                > 0
                        || i.createdAt().toString().equals(page.cursor().get().value(0))
                                && i.id().toString()
                                                .compareTo(page.cursor().get().value(1))
                                        > 0)
                .sorted(order)
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromLookahead(
                found, page.limit(), i -> Cursor.of(i.createdAt().toString(), i.id().toString()));
    }
}
