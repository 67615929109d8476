package io.columnline.application.memory;

import io.columnline.application.page.Cursor;
import io.columnline.application.page.Page;
import io.columnline.application.page.PageRequest;
import io.columnline.application.port.out.Batches;
import io.columnline.domain.batch.Batch;
import io.columnline.domain.batch.BatchId;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.run.RunId;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class InMemoryBatches implements Batches {
  /** Newest day first, then name, then id as text (PostgreSQL's uuid order). */
  private static final Comparator<Batch> ORDER = Comparator.comparing(Batch::day, Comparator.reverseOrder())
      .thenComparing(Batch::name, Comparator.naturalOrder()).thenComparing(b -> b.id().toString());

  private final Map<BatchId, Batch> batches = new LinkedHashMap<>();
  private final Map<RunId, BatchId> runs = new HashMap<>();

  @Override
  public synchronized void insert(Batch batch) {
    if (batches.containsKey(batch.id()) || byName(batch.client(), batch.name()).isPresent()) {
      throw new IllegalStateException("duplicate batch " + batch.name());
    }
    batches.put(batch.id(), batch);
  }

  @Override
  public synchronized void update(Batch batch) {
    batches.computeIfPresent(batch.id(), (id, old) -> batch);
  }

  @Override
  public synchronized Optional<Batch> byId(BatchId id) {
    return Optional.ofNullable(batches.get(id));
  }

  @Override
  public synchronized Optional<Batch> byName(ClientId client, String name) {
    return batches.values().stream().filter(b -> b.client().equals(client) && b.name().equals(name)).findFirst();
  }

  @Override
  public Optional<Batch> lock(BatchId id) {
    return byId(id);
  }

  @Override
  public Optional<Batch> lock(ClientId client, String name) {
    return byName(client, name);
  }

  @Override
  public synchronized void addRun(Batch batch, RunId run) {
    runs.put(run, batch.id());
  }

  @Override
  public synchronized Optional<BatchId> ofRun(RunId run) {
    return Optional.ofNullable(runs.get(run));
  }

  @Override
  public synchronized Page<Batch> list(Query query, PageRequest page) {
    Optional<Batch> after = page.cursor().map(InMemoryBatches::position);
    List<Batch> rows = batches.values().stream()
        .filter(b -> query.client().map(b.client()::equals).orElse(true))
        .filter(b -> query.status().map(b.status()::equals).orElse(true))
        .filter(b -> after.map(a -> ORDER.compare(a, b) < 0).orElse(true))
        .sorted(ORDER)
        .limit(page.limit() + 1L)
        .toList();
    return Page.fromLookahead(rows, page.limit(), b -> Cursor.of(b.day().toString(), b.name(), b.id().toString()));
  }

  /** A stand-in batch that sorts where the cursor points. */
  private static Batch position(Cursor cursor) {
    try {
      return new Batch(new BatchId(java.util.UUID.fromString(cursor.value(2))), new ClientId(new java.util.UUID(0, 0)),
          cursor.value(1), LocalDate.parse(cursor.value(0)), "v", 0, 0, 0, java.time.Instant.EPOCH, java.time.Instant.EPOCH);
    } catch (DateTimeParseException | IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new Invalid("cursor", "is not a cursor this API returned; pass next_cursor unchanged");
    }
  }
}
