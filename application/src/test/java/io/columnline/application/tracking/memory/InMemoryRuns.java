package io.columnline.application.tracking.memory;

import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryRuns implements Runs {
    /** Newest first; ids compare as text, which is the byte order PostgreSQL sorts uuids in. */
    private static final Comparator<Run> NEWEST_FIRST = Comparator.comparing(Run::startedAt)
            .thenComparing(r -> r.id().toString())
            .reversed();

    private final Map<RunId, Run> runs = new ConcurrentHashMap<>();

    @Override
    public synchronized void insert(Run run) {
        if (runs.containsKey(run.id())) {
            throw new IllegalStateException("duplicate run id " + run.id());
        }
        if (run.externalId().isPresent()
                && byExternalId(run.client(), run.externalId().get()).isPresent()) {
            throw new IllegalStateException(
                    "duplicate external id " + run.externalId().get());
        }
        runs.put(run.id(), run);
    }

    @Override
    public void update(Run run) {
        runs.computeIfPresent(run.id(), (id, old) -> run);
    }

    @Override
    public Optional<Run> byId(RunId id) {
        return Optional.ofNullable(runs.get(id));
    }

    @Override
    public Optional<Run> lock(RunId id) {
        return byId(id);
    }

    @Override
    public Optional<Run> lockShared(RunId id) {
        return byId(id);
    }

    @Override
    public Optional<Run> byExternalId(ClientId client, String externalId) {
        return runs.values().stream()
                .filter(r -> r.client().equals(client) && r.externalId().equals(Optional.of(externalId)))
                .findFirst();
    }

    @Override
    public List<Run> byExternalIdOfAnyClient(String externalId) {
        return runs.values().stream()
                .filter(r -> r.externalId().equals(Optional.of(externalId)))
                .limit(2)
                .toList();
    }

    /** Every run, for the in-memory readers of runs. */
    java.util.stream.Stream<Run> all() {
        return runs.values().stream();
    }

    @Override
    public Page<Run> list(Query query, PageRequest page) {
        Optional<Position> after = page.cursor().map(InMemoryRuns::position);
        List<Run> rows = runs.values().stream()
                .filter(query::matches)
                .filter(r -> after.map(a -> a.precedes(r)).orElse(true))
                .sorted(NEWEST_FIRST)
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromLookahead(
                rows, page.limit(), r -> Cursor.of(r.startedAt().toString(), r.id().toString()));
    }

    private record Position(Instant startedAt, String id) {
        /** Whether the run comes after this position in newest-first order. */
        boolean precedes(Run run) {
            int byTime = run.startedAt().compareTo(startedAt);
            return byTime != 0 ? byTime < 0 : run.id().toString().compareTo(id) < 0;
        }
    }

    private static Position position(Cursor cursor) {
        try {
            return new Position(Instant.parse(cursor.value(0)), cursor.value(1));
        } catch (DateTimeParseException | IndexOutOfBoundsException e) {
            throw new Invalid("cursor", "is not a cursor this API returned; pass next_cursor unchanged");
        }
    }
}
