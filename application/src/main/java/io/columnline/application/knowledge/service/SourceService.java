package io.columnline.application.knowledge.service;

import io.columnline.application.knowledge.port.in.EventsUseCase;
import io.columnline.application.knowledge.port.in.ProcessSourcesUseCase;
import io.columnline.application.knowledge.port.in.ReembedUseCase;
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
import io.columnline.domain.client.ClientSlug;
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
public final class SourceService implements SourcesUseCase, ProcessSourcesUseCase, ReembedUseCase {
    /** Long enough for a large PDF; a worker that died is replaced once it ends. */
    static final Duration LEASE = Duration.ofMinutes(5);
    /** Claims after which a source that keeps stopping its worker is given up. */
    static final int MAX_ATTEMPTS = 3;

    /** Chunks one request may carry already embedded. */
    public static final int MAX_GIVEN_CHUNKS = 10_000;
    /** The largest vector accepted (OpenAI's largest model has 3,072 dimensions). */
    public static final int MAX_DIMENSION = 8192;

    private static final int MAX_MODEL_LENGTH = 200;
    private static final int MAX_REPORTED = 20;
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
        checkKeyNameMetadata(problems, command.key(), command.name(), command.metadata());
        problems.throwIfAny();
        return register(
                client,
                command.key(),
                command.name(),
                type,
                command.content(),
                command.metadata().orElse(JsonDocument.EMPTY_OBJECT),
                List.of());
    }

    @Override
    public Added addEmbedded(EmbeddedCommand command) {
        Client client = access.chosen(command.caller(), command.client());
        Violations problems = new Violations();
        checkKeyNameMetadata(problems, command.key(), command.name(), command.metadata());
        String model = command.model().map(String::strip).orElse("");
        if (model.isEmpty() || model.length() > MAX_MODEL_LENGTH) {
            problems.add(
                    "embedding_model",
                    "is required: the name of the model that made the vectors (1 to " + MAX_MODEL_LENGTH
                            + " characters, e.g. text-embedding-3-small)");
        }
        List<GivenChunk> given = command.chunks();
        if (given.isEmpty()) {
            problems.add("chunks", "is empty: send at least one {content, embedding}");
        } else if (given.size() > MAX_GIVEN_CHUNKS) {
            problems.add("chunks", "holds " + given.size() + " chunks; at most " + MAX_GIVEN_CHUNKS + " a request");
        }
        problems.throwIfAny();
        Optional<Integer> known = model.equals(embedder.model())
                ? Optional.of(embedder.dimension())
                : embeddings.dimension(client.id(), model);
        int expected = known.orElse(given.get(0).embedding().length);
        String because = known.isPresent()
                ? model + " vectors have " + expected + " dimensions"
                : "chunks[0].embedding has " + expected + " (one model's vectors have one dimension)";
        List<Sources.Supplied> supplied = new ArrayList<>(given.size());
        int reported = 0;
        for (int i = 0; i < given.size() && reported < MAX_REPORTED; i++) {
            GivenChunk chunk = given.get(i);
            String at = "chunks[" + i + "]";
            int before = problems.list().size();
            if (chunk.content() == null || chunk.content().isBlank()) {
                problems.add(at + ".content", "is required: the chunk's text, not blank");
            }
            double[] numbers = chunk.embedding();
            float[] vector = new float[numbers.length];
            if (numbers.length == 0 || numbers.length > MAX_DIMENSION) {
                problems.add(at + ".embedding", "must hold 1 to " + MAX_DIMENSION + " numbers");
            } else if (numbers.length != expected) {
                problems.add(at + ".embedding", "has " + numbers.length + " numbers; " + because);
            } else {
                for (int d = 0; d < numbers.length; d++) {
                    vector[d] = (float) numbers[d];
                    if (!Float.isFinite(vector[d])) {
                        problems.add(
                                at + ".embedding[" + d + "]",
                                "is not a finite number (NaN, infinite or beyond the 32-bit float range)");
                        break;
                    }
                }
            }
            chunk.metadata().ifPresent(m -> {
                if (!m.text().startsWith("{")) {
                    problems.add(at + ".metadata", "must be a JSON object");
                }
            });
            if (problems.list().size() > before) {
                reported++;
            } else {
                supplied.add(new Sources.Supplied(
                        i, chunk.content(), chunk.metadata().orElse(JsonDocument.EMPTY_OBJECT), model, vector));
            }
        }
        problems.throwIfAny();
        byte[] content = Chunker.joined(given.stream().map(GivenChunk::content).toList())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return register(
                client,
                command.key(),
                command.name(),
                SourceType.TEXT,
                content,
                command.metadata().orElse(JsonDocument.EMPTY_OBJECT),
                supplied);
    }

    private static void checkKeyNameMetadata(
            Violations problems, Optional<String> key, Optional<String> name, Optional<JsonDocument> metadata) {
        key.ifPresent(k -> {
            if (k.isBlank() || k.length() > Source.MAX_KEY_LENGTH) {
                problems.add("key", "must be 1 to " + Source.MAX_KEY_LENGTH + " characters");
            }
        });
        name.ifPresent(n -> {
            if (n.isBlank() || n.length() > Source.MAX_NAME_LENGTH) {
                problems.add("name", "must be 1 to " + Source.MAX_NAME_LENGTH + " characters");
            }
        });
        if (!metadata.orElse(JsonDocument.EMPTY_OBJECT).text().startsWith("{")) {
            problems.add("metadata", "must be a JSON object");
        }
    }

    /** The same bytes again are the source already there; a key's changed bytes its next version. */
    private Added register(
            Client client,
            Optional<String> key,
            Optional<String> givenName,
            SourceType chosen,
            byte[] bytes,
            JsonDocument metadata,
            List<Sources.Supplied> supplied) {
        String sha256 = sha256(bytes);
        String contentType = chosen.contentType();
        String name = givenName.or(() -> key).orElse(chosen.key() + " source");
        return transactions.inTransaction(() -> {
            Optional<Source> same = sources.byHash(client.id(), sha256);
            if (same.isPresent()) {
                return new Added(same.get(), false);
            }
            int version = key.flatMap(k -> sources.latestOfKey(client.id(), k))
                    .map(latest -> latest.version() + 1)
                    .orElse(1);
            Source source = Source.pending(
                    client.id(),
                    key,
                    version,
                    chosen,
                    name,
                    contentType,
                    sha256,
                    bytes.length,
                    metadata,
                    clock.instant());
            sources.add(source, bytes);
            sources.addSupplied(source.id(), supplied);
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
        List<Sources.Supplied> supplied = sources.supplied(source.id());
        if (!supplied.isEmpty()) {
            Chunker.Chunked given = chunker.asGiven(
                    supplied.stream().map(Sources.Supplied::content).toList(),
                    supplied.stream().map(Sources.Supplied::metadata).toList(),
                    source.metadata());
            List<SourceChunk> chunks = chunks(source, given);
            List<ChunkEmbedding> embedded = new ArrayList<>(chunks.size());
            for (int i = 0; i < chunks.size(); i++) {
                SourceChunk chunk = chunks.get(i);
                Sources.Supplied vector = supplied.get(i);
                embedded.add(new ChunkEmbedding(
                        chunk.id(), chunk.source(), chunk.chunkIndex(), vector.model(), vector.embedding()));
            }
            store(claim, chunks, given.tokenCount(), embedded);
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
            List<SourceChunk> chunks = chunks(source, chunked);
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
            store(claim, chunks, chunked.tokenCount(), embedded);
        }
        return true;
    }

    private static List<SourceChunk> chunks(Source source, Chunker.Chunked chunked) {
        List<SourceChunk> chunks = new ArrayList<>(chunked.chunks().size());
        for (int i = 0; i < chunked.chunks().size(); i++) {
            Chunker.Draft draft = chunked.chunks().get(i);
            chunks.add(new SourceChunk(
                    UUID.randomUUID(), source.id(), i, draft.content(), draft.tokenCount(), draft.metadata()));
        }
        return chunks;
    }

    /** The chunks, their vectors and the source's ready state in one transaction (or nothing). */
    private void store(Sources.Claim claim, List<SourceChunk> chunks, int tokenCount, List<ChunkEmbedding> vectors) {
        transactions.run(() -> {
            if (sources.complete(claim, chunks, tokenCount, clock.instant())) {
                embeddings.add(claim.source().client(), vectors);
            }
        });
    }

    @Override
    public Progress progress(Caller caller, Optional<ClientSlug> client) {
        Client chosen = access.chosen(caller, client);
        ChunkEmbeddings.Coverage coverage = embeddings.coverage(chosen.id(), embedder.model());
        return new Progress(embedder.model(), coverage.chunks(), coverage.embedded());
    }

    @Override
    public Progress reembedSome(Caller caller, Optional<ClientSlug> client, int batch) {
        Client chosen = access.chosen(caller, client);
        List<SourceChunk> missing = embeddings.withoutModel(chosen.id(), embedder.model(), batch);
        if (!missing.isEmpty()) {
            List<float[]> vectors =
                    embedder.embed(missing.stream().map(SourceChunk::content).toList());
            List<ChunkEmbedding> embedded = new ArrayList<>(missing.size());
            for (int i = 0; i < missing.size(); i++) {
                SourceChunk chunk = missing.get(i);
                embedded.add(new ChunkEmbedding(
                        chunk.id(), chunk.source(), chunk.chunkIndex(), embedder.model(), vectors.get(i)));
            }
            try {
                transactions.run(() -> embeddings.add(chosen.id(), embedded));
            } catch (RuntimeException e) {
                // a chunk was replaced or deleted meanwhile: store the others one by one
                for (ChunkEmbedding one : embedded) {
                    try {
                        transactions.run(() -> embeddings.add(chosen.id(), List.of(one)));
                    } catch (RuntimeException gone) {
                        // its chunk is gone, and with it the need for a vector
                    }
                }
            }
        }
        return progress(caller, client);
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
