package io.columnline.application.knowledge.service;

import io.columnline.application.knowledge.port.in.EventsUseCase;
import io.columnline.application.knowledge.port.in.ProcessSourcesUseCase;
import io.columnline.application.knowledge.port.in.SourcesUseCase;
import io.columnline.application.knowledge.port.out.ChunkEmbeddings;
import io.columnline.application.knowledge.port.out.Chunker;
import io.columnline.application.knowledge.port.out.Embedder;
import io.columnline.application.knowledge.port.out.Sources;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.shared.Transactions;
import io.columnline.application.tenancy.port.in.ClientAccess;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.error.Violations;
import io.columnline.domain.event.SystemEvent;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.ChunkEmbedding;
import io.columnline.domain.knowledge.Source;
import io.columnline.domain.knowledge.SourceChunk;
import io.columnline.domain.knowledge.SourceId;
import io.columnline.domain.knowledge.SourceStatus;
import io.columnline.domain.knowledge.SourceType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
public final class SourceService implements SourcesUseCase, ProcessSourcesUseCase {
    /** Long enough for a large PDF; a worker that died is replaced once it ends. */
    static final Duration LEASE = Duration.ofMinutes(5);
    /** Claims after which a source that keeps stopping its worker is given up. */
    static final int MAX_ATTEMPTS = 3;

    private static final Duration POLL = Duration.ofMillis(50);

    private final ClientAccess access;
    private final Sources sources;
    private final Chunker chunker;
    private final Embedder embedder;
    private final ChunkEmbeddings embeddings;
    private final Transactions transactions;
    private final EventsUseCase events;
    private final Clock clock;

    @Inject
    public SourceService(
            ClientAccess access,
            Sources sources,
            Chunker chunker,
            Embedder embedder,
            ChunkEmbeddings embeddings,
            Transactions transactions,
            EventsUseCase events,
            Clock clock) {
        this.events = events;
        this.access = access;
        this.sources = sources;
        this.chunker = chunker;
        this.embedder = embedder;
        this.embeddings = embeddings;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Added add(Command command) {
        Client client = access.chosen(command.caller(), command.client());
        Violations problems = new Violations();
        SourceType type = null;
        if (command.type().isPresent()) {
            try {
                type = SourceType.fromKey("type", command.type().get());
            } catch (Invalid e) {
                problems.addAll(e.violations());
            }
        } else {
            type = SourceType.fromContentType(command.contentType()).orElse(null);
            if (type == null) {
                problems.add("type", "is required: one of text, markdown, csv, pdf, json");
            }
        }
        if (command.content().length == 0) {
            problems.add("content", "is empty: send the document's bytes (or text)");
        }
        command.key().ifPresent(key -> {
            if (key.isBlank() || key.length() > Source.MAX_KEY_LENGTH) {
                problems.add("key", "must be 1 to " + Source.MAX_KEY_LENGTH + " characters");
            }
        });
        command.name().ifPresent(name -> {
            if (name.isBlank() || name.length() > Source.MAX_NAME_LENGTH) {
                problems.add("name", "must be 1 to " + Source.MAX_NAME_LENGTH + " characters");
            }
        });
        JsonDocument metadata = command.metadata().orElse(JsonDocument.EMPTY_OBJECT);
        if (!metadata.text().startsWith("{")) {
            problems.add("metadata", "must be a JSON object");
        }
        problems.throwIfAny();
        SourceType chosen = type;
        String sha256 = sha256(command.content());
        String contentType = type.contentType();
        String name = command.name().or(command::key).orElse(chosen.key() + " source");
        return transactions.inTransaction(() -> {
            Optional<Source> same = sources.byHash(client.id(), sha256);
            if (same.isPresent()) {
                return new Added(same.get(), false);
            }
            int version = command.key()
                    .flatMap(key -> sources.latestOfKey(client.id(), key))
                    .map(latest -> latest.version() + 1)
                    .orElse(1);
            Source source = Source.pending(
                    client.id(),
                    command.key(),
                    version,
                    chosen,
                    name,
                    contentType,
                    sha256,
                    command.content().length,
                    metadata,
                    clock.instant());
            sources.add(source, command.content());
            return new Added(source, true);
        });
    }

    @Override
    public Source get(Caller caller, SourceId id) {
        return sources.byId(id).filter(s -> caller.canSee(s.client())).orElseThrow(() -> new NotFound("source", id));
    }

    @Override
    public Source await(Caller caller, SourceId id, Duration wait) {
        Instant deadline = clock.instant().plus(wait);
        Source source = get(caller, id);
        while (!source.status().settled() && clock.instant().isBefore(deadline)) {
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return source;
            }
            source = get(caller, id);
        }
        return source;
    }

    @Override
    public Page<Source> list(Caller caller, ListQuery query, PageRequest page) {
        Optional<Client> client = access.named(caller, query.client());
        Violations problems = new Violations();
        Optional<SourceStatus> status =
                parse(problems, () -> query.status().map(s -> SourceStatus.fromKey("status", s)));
        Optional<SourceType> type = parse(problems, () -> query.type().map(t -> SourceType.fromKey("type", t)));
        problems.throwIfAny();
        return sources.list(new Sources.Filter(client.map(Client::id), status, type, query.key()), page);
    }

    @Override
    public byte[] content(Caller caller, SourceId id) {
        get(caller, id);
        return sources.content(id).orElseThrow(() -> new NotFound("source", id));
    }

    @Override
    public Page<SourceChunk> chunks(Caller caller, SourceId id, PageRequest page) {
        get(caller, id);
        return sources.chunks(id, page);
    }

    @Override
    public void delete(Caller caller, SourceId id) {
        get(caller, id);
        if (!sources.delete(id)) {
            throw new NotFound("source", id);
        }
    }

    @Override
    public boolean processNext() {
        Optional<Sources.Claim> claimed = sources.claimNext(clock.instant(), LEASE);
        if (claimed.isEmpty()) {
            return false;
        }
        Sources.Claim claim = claimed.get();
        Source source = claim.source();
        if (claim.attempts() > MAX_ATTEMPTS) {
            fail(
                    claim,
                    "processing stopped " + MAX_ATTEMPTS + " times before it finished (the server may have run out"
                            + " of memory on this document): split it into smaller documents and send them again");
            return true;
        }
        Optional<byte[]> content = sources.content(source.id());
        if (content.isEmpty()) {
            return true;
        }
        Chunker.Chunking chunking;
        try {
            chunking = chunker.chunk(source.type(), content.get(), source.metadata());
        } catch (RuntimeException | StackOverflowError e) {
            chunking = new Chunker.Unreadable("the " + source.type().key() + " document could not be read: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        if (chunking instanceof Chunker.Unreadable unreadable) {
            fail(claim, unreadable.reason());
        } else if (chunking instanceof Chunker.Chunked chunked
                && chunked.chunks().isEmpty()) {
            fail(
                    claim,
                    source.type() == SourceType.PDF
                            ? "no text found (a scanned PDF? its pages hold images only; run OCR first)"
                            : "no text found: the document is empty or holds only whitespace");
        } else if (chunking instanceof Chunker.Chunked chunked) {
            List<SourceChunk> chunks = new ArrayList<>(chunked.chunks().size());
            for (int i = 0; i < chunked.chunks().size(); i++) {
                Chunker.Draft draft = chunked.chunks().get(i);
                chunks.add(new SourceChunk(
                        UUID.randomUUID(), source.id(), i, draft.content(), draft.tokenCount(), draft.metadata()));
            }
            List<float[]> vectors;
            try {
                vectors =
                        embedder.embed(chunks.stream().map(SourceChunk::content).toList());
            } catch (RuntimeException e) {
                fail(
                        claim,
                        "the embedding model " + embedder.model() + " failed (" + e.getMessage()
                                + "); the source is kept: send it again later");
                return true;
            }
            List<ChunkEmbedding> embedded = new ArrayList<>(chunks.size());
            for (int i = 0; i < chunks.size(); i++) {
                SourceChunk chunk = chunks.get(i);
                embedded.add(new ChunkEmbedding(
                        chunk.id(), chunk.source(), chunk.chunkIndex(), embedder.model(), vectors.get(i)));
            }
            transactions.run(() -> {
                if (sources.complete(claim, chunks, chunked.tokenCount(), clock.instant())) {
                    embeddings.add(source.client(), embedded);
                }
            });
        }
        return true;
    }

    /** Marks the source failed and, when this worker still held it, records why in the events log. */
    private void fail(Sources.Claim claim, String reason) {
        if (sources.fail(claim, reason, clock.instant())) {
            Source source = claim.source();
            events.ofClient(
                    source.client(),
                    SystemEvent.SOURCE_FAILED,
                    new JsonDocument("{\"reason\":" + jsonString(reason) + ",\"source_id\":\""
                            + source.id().value() + "\",\"type\":\""
                            + source.type().key() + "\"}"));
        }
    }

    /** A JSON string literal of any text. */
    static String jsonString(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static <T> Optional<T> parse(Violations problems, java.util.function.Supplier<Optional<T>> parser) {
        try {
            return parser.get();
        } catch (Invalid e) {
            problems.addAll(e.violations());
            return Optional.empty();
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
