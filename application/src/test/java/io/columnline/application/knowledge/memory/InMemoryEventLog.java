package io.columnline.application.knowledge.memory;

import io.columnline.application.knowledge.port.out.EventLog;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.event.SystemEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The events log in a list, answering as the PostgreSQL adapter does. */
public final class InMemoryEventLog implements EventLog {
    private final List<SystemEvent> events = new ArrayList<>();
    private long lastId;

    @Override
    public synchronized SystemEvent append(SystemEvent e) {
        SystemEvent stored = new SystemEvent(++lastId, e.client(), e.kind(), e.instance(), e.at(), e.detail());
        events.add(stored);
        return stored;
    }

    @Override
    public synchronized Page<SystemEvent> list(Filter filter, PageRequest page) {
        long after = page.cursor().map(c -> Long.parseLong(c.value(0))).orElse(0L);
        List<SystemEvent> rows = events.stream()
                .filter(e -> e.id() > after)
                .filter(e -> filter.client().isPresent() ? e.client().equals(filter.client()) : filter.systemToo())
                .filter(e -> filter.kind().map(k -> k.equals(e.kind())).orElse(true))
                .filter(e -> filter.since().map(s -> !e.at().isBefore(s)).orElse(true))
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromLookahead(rows, page.limit(), e -> Cursor.of(Long.toString(e.id())));
    }

    @Override
    public synchronized int pruneBefore(Instant before) {
        List<SystemEvent> old = new ArrayList<>();
        for (SystemEvent e : events) {
            if (e.at().isBefore(before)) {
                old.add(e);
            }
        }
        events.removeAll(old);
        return old.size();
    }
}
