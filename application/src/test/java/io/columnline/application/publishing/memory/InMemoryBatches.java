package io.columnline.application.publishing.memory;

import io.columnline.application.publishing.port.out.Batches;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tracking.memory.InMemoryRuns;
import io.columnline.domain.batch.Batch;
import io.columnline.domain.batch.BatchCounts;
import io.columnline.domain.batch.BatchId;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.RunStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Counts are read from the in-memory runs, as the Postgres adapter joins them. */
public final class InMemoryBatches implements Batches {
    /** Newest day first, then name, then id as text (PostgreSQL's uuid order). */
    private static final Comparator<Batch> ORDER = Comparator.comparing(Batch::day, Comparator.reverseOrder())
            .thenComparing(Batch::name, Comparator.naturalOrder())
            .thenComparing(b -> b.id().toString());

    private final InMemoryRuns runs;
    private final Map<BatchId, Batch> batches = new LinkedHashMap<>();
    private final Map<RunId, BatchId> members = new LinkedHashMap<>();

    public InMemoryBatches(InMemoryRuns runs) {
        this.runs = runs;
    }

    @Override
    public synchronized void insert(Batch batch) {
        if (batches.containsKey(batch.id())
                || byName(batch.client(), batch.name()).isPresent()) {
            throw new IllegalStateException("duplicate batch " + batch.name());
        }
        batches.put(batch.id(), batch);
    }

    @Override
    public synchronized Optional<Batch> byId(BatchId id) {
        return Optional.ofNullable(batches.get(id));
    }

    @Override
    public synchronized Optional<Batch> byName(ClientId client, String name) {
        return batches.values().stream()
                .filter(b -> b.client().equals(client) && b.name().equals(name))
                .findFirst();
    }

    @Override
    public synchronized void addRun(Batch batch, RunId run) {
        if (members.putIfAbsent(run, batch.id()) != null) {
            throw new IllegalStateException("run " + run + " is already in a batch");
        }
    }

    @Override
    public synchronized Optional<Batch> ofRun(RunId run) {
        return Optional.ofNullable(members.get(run)).flatMap(this::byId);
    }

    @Override
    public synchronized BatchCounts counts(BatchId batch) {
        List<Run> of = members.entrySet().stream()
                .filter(e -> e.getValue().equals(batch))
                .map(e -> runs.byId(e.getKey()).orElseThrow())
                .toList();
        return new BatchCounts(
                of.size(),
                of.stream().filter(r -> r.status() == RunStatus.FAILED).count(),
                of.stream().filter(r -> r.status() == RunStatus.PUBLISHED).count());
    }

    @Override
    public synchronized Page<Counted> list(Query query, PageRequest page) {
        Optional<Batch> after = page.cursor().map(InMemoryBatches::position);
        List<Counted> rows = batches.values().stream()
                .filter(b -> query.client().map(b.client()::equals).orElse(true))
                .filter(b -> after.map(a -> ORDER.compare(a, b) < 0).orElse(true))
                .sorted(ORDER)
                .map(b -> new Counted(b, counts(b.id())))
                .filter(c -> query.status().map(c.counts().status()::equals).orElse(true))
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromLookahead(
                rows,
                page.limit(),
                c -> Cursor.of(
                        c.batch().day().toString(),
                        c.batch().name(),
                        c.batch().id().toString()));
    }

    /** A stand-in batch that sorts where the cursor points. */
    private static Batch position(Cursor cursor) {
        try {
            return new Batch(
                    new BatchId(UUID.fromString(cursor.value(2))),
                    new ClientId(new UUID(0, 0)),
                    cursor.value(1),
                    LocalDate.parse(cursor.value(0)),
                    "v",
                    Instant.EPOCH);
        } catch (DateTimeParseException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new Invalid("cursor", "is not a cursor this API returned; pass next_cursor unchanged");
        }
    }
}
