package io.columnline.application.knowledge.memory;

import io.columnline.application.knowledge.port.out.Sources;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.knowledge.Source;
import io.columnline.domain.knowledge.SourceChunk;
import io.columnline.domain.knowledge.SourceId;
import io.columnline.domain.knowledge.SourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Sources in maps, guarded by one lock; a lease is a token and an end time kept beside the source. */
public final class InMemorySources implements Sources {
    private record Lease(UUID token, Instant until, int attempts) {}

    private final Map<SourceId, Source> sources = new LinkedHashMap<>();
    private final Map<SourceId, byte[]> contents = new HashMap<>();
    private final Map<SourceId, List<SourceChunk>> chunks = new HashMap<>();
    private final Map<SourceId, Lease> leases = new HashMap<>();
    private final Map<SourceId, List<Supplied>> supplied = new HashMap<>();

    private static final Comparator<Source> ORDER = Comparator.comparing(Source::createdAt)
            .thenComparing(s -> s.id().value().toString());

    @Override
    public synchronized void add(Source source, byte[] content) {
        sources.put(source.id(), source);
        contents.put(source.id(), content.clone());
    }

    @Override
    public synchronized Optional<Source> byId(SourceId id) {
        return Optional.ofNullable(sources.get(id));
    }

    @Override
    public synchronized Optional<Source> byHash(ClientId client, String sha256) {
        return sources.values().stream()
                .filter(s -> s.client().equals(client) && s.sha256().equals(sha256))
                .max(ORDER);
    }

    @Override
    public synchronized Optional<Source> latestOfKey(ClientId client, String key) {
        return sources.values().stream()
                .filter(s -> s.client().equals(client) && s.key().equals(Optional.of(key)))
                .max(Comparator.comparingInt(Source::version));
    }

    @Override
    public synchronized Optional<byte[]> content(SourceId id) {
        return Optional.ofNullable(contents.get(id)).map(byte[]::clone);
    }

    @Override
    public synchronized Page<Source> list(Filter filter, PageRequest page) {
        Optional<Source> after = page.cursor().map(c -> sources.get(new SourceId(UUID.fromString(c.value(0)))));
        List<Source> rows = sources.values().stream()
                .filter(s -> filter.client().map(s.client()::equals).orElse(true))
                .filter(s -> filter.status().map(s.status()::equals).orElse(true))
                .filter(s -> filter.type().map(s.type()::equals).orElse(true))
                .filter(s ->
                        filter.key().map(k -> s.key().equals(Optional.of(k))).orElse(true))
                .sorted(ORDER)
                .filter(s -> after.map(a -> ORDER.compare(s, a) > 0)
                        .orElse(page.cursor().isEmpty()))
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromLookahead(rows, page.limit(), s -> Cursor.of(s.id().toString()));
    }

    @Override
    public synchronized Page<SourceChunk> chunks(SourceId id, PageRequest page) {
        int after = page.cursor().map(c -> Integer.parseInt(c.value(0))).orElse(-1);
        List<SourceChunk> rows = chunks.getOrDefault(id, List.of()).stream()
                .filter(c -> c.chunkIndex() > after)
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromLookahead(rows, page.limit(), c -> Cursor.of(Integer.toString(c.chunkIndex())));
    }

    @Override
    public synchronized Optional<Claim> claimNext(Instant now, Duration lease) {
        Optional<Source> next = sources.values().stream()
                .filter(s -> s.status() == SourceStatus.PENDING
                        || (s.status() == SourceStatus.PROCESSING
                                && leases.get(s.id()).until().isBefore(now)))
                .min(ORDER);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        Source source = next.get();
        int attempts = leases.containsKey(source.id()) ? leases.get(source.id()).attempts() + 1 : 1;
        Lease taken = new Lease(UUID.randomUUID(), now.plus(lease), attempts);
        leases.put(source.id(), taken);
        Source processing =
                with(source, SourceStatus.PROCESSING, Optional.empty(), Optional.empty(), 0, Optional.empty());
        sources.put(source.id(), processing);
        return Optional.of(new Claim(processing, taken.token(), attempts));
    }

    @Override
    public synchronized boolean complete(Claim claim, List<SourceChunk> stored, int tokenCount, Instant now) {
        if (!holds(claim)) {
            return false;
        }
        Source source = sources.get(claim.source().id());
        source.key()
                .ifPresent(key -> List.copyOf(sources.values()).stream()
                        .filter(s -> s.client().equals(source.client())
                                && s.key().equals(Optional.of(key))
                                && s.version() < source.version())
                        .forEach(s -> delete(s.id())));
        chunks.put(source.id(), List.copyOf(stored));
        supplied.remove(source.id());
        sources.put(
                source.id(),
                with(
                        source,
                        SourceStatus.READY,
                        Optional.empty(),
                        Optional.of(tokenCount),
                        stored.size(),
                        Optional.of(now)));
        leases.remove(source.id());
        return true;
    }

    @Override
    public synchronized boolean fail(Claim claim, String reason, Instant now) {
        if (!holds(claim)) {
            return false;
        }
        Source source = sources.get(claim.source().id());
        sources.put(
                source.id(),
                with(source, SourceStatus.ERROR, Optional.of(reason), Optional.empty(), 0, Optional.of(now)));
        leases.remove(source.id());
        return true;
    }

    @Override
    public synchronized void addSupplied(SourceId id, List<Supplied> given) {
        if (!sources.containsKey(id)) {
            throw new IllegalStateException("source " + id + " does not exist");
        }
        supplied.put(id, List.copyOf(given));
    }

    @Override
    public synchronized List<Supplied> supplied(SourceId id) {
        return supplied.getOrDefault(id, List.of());
    }

    @Override
    public synchronized boolean delete(SourceId id) {
        supplied.remove(id);
        contents.remove(id);
        chunks.remove(id);
        leases.remove(id);
        return sources.remove(id) != null;
    }

    /** The client's stored chunks, ordered by id. */
    public synchronized List<SourceChunk> chunksOf(ClientId client) {
        return chunks.entrySet().stream()
                .filter(e -> sources.containsKey(e.getKey())
                        && sources.get(e.getKey()).client().equals(client))
                .flatMap(e -> e.getValue().stream())
                .sorted(Comparator.comparing(SourceChunk::id))
                .toList();
    }

    public synchronized boolean hasChunk(UUID chunk) {
        return chunks.values().stream().flatMap(List::stream).anyMatch(c -> c.id().equals(chunk));
    }

    private boolean holds(Claim claim) {
        Source source = sources.get(claim.source().id());
        Lease lease = leases.get(claim.source().id());
        return source != null
                && source.status() == SourceStatus.PROCESSING
                && lease != null
                && lease.token().equals(claim.leaseToken());
    }

    private static Source with(
            Source s,
            SourceStatus status,
            Optional<String> error,
            Optional<Integer> tokens,
            int chunkCount,
            Optional<Instant> processedAt) {
        return new Source(
                s.id(),
                s.client(),
                s.key(),
                s.version(),
                s.type(),
                s.name(),
                s.contentType(),
                s.sha256(),
                s.sizeBytes(),
                s.metadata(),
                status,
                error,
                tokens,
                chunkCount,
                s.createdAt(),
                processedAt);
    }
}
