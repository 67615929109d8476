package io.columnline.adapters.http.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.adapters.http.shared.Json;
import io.columnline.adapters.http.shared.ListBody;
import io.columnline.adapters.http.shared.MalformedBody;
import io.columnline.adapters.http.shared.Problem;
import io.columnline.adapters.http.shared.Request;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.application.knowledge.port.in.SourcesUseCase;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.Violations;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.Source;
import io.columnline.domain.knowledge.SourceChunk;
import io.columnline.domain.knowledge.SourceId;
import io.columnline.domain.knowledge.SourceType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Context sources: the document as the body (its content type chooses the reader), or the JSON form. */
final class SourceRoutes implements Routes {
    static final int MAX_WAIT_SECONDS = 30;
    /** A JSON body with only these members, among them a text {@code content}, is the JSON form. */
    private static final Set<String> FORM_MEMBERS = Set.of("client", "key", "name", "type", "content", "metadata");

    /** A JSON body with {@code chunks} and {@code embedding_model} is chunks the caller embedded. */
    private static final Set<String> EMBEDDED_MEMBERS =
            Set.of("client", "key", "name", "metadata", "embedding_model", "chunks");

    private final SourcesUseCase sources;
    private final SourceLimits limits;

    @Inject
    SourceRoutes(SourcesUseCase sources, SourceLimits limits) {
        this.sources = sources;
        this.limits = limits;
    }

    record SourceView(
            UUID id,
            UUID clientId,
            String key,
            int version,
            String type,
            String name,
            String contentType,
            String sha256,
            long sizeBytes,
            JsonNode metadata,
            String status,
            String error,
            Integer tokenCount,
            int chunkCount,
            Instant createdAt,
            Instant processedAt) {
        static SourceView from(Source s) {
            return new SourceView(
                    s.id().value(),
                    s.client().value(),
                    s.key().orElse(null),
                    s.version(),
                    s.type().key(),
                    s.name(),
                    s.contentType(),
                    s.sha256(),
                    s.sizeBytes(),
                    Json.node(s.metadata()),
                    s.status().key(),
                    s.error().orElse(null),
                    s.tokenCount().orElse(null),
                    s.chunkCount(),
                    s.createdAt(),
                    s.processedAt().orElse(null));
        }
    }

    record ChunkView(UUID id, UUID sourceId, int chunkIndex, String content, int tokenCount, JsonNode metadata) {
        static ChunkView from(SourceChunk c) {
            return new ChunkView(
                    c.id(), c.source().value(), c.chunkIndex(), c.content(), c.tokenCount(), Json.node(c.metadata()));
        }
    }

    @Override
    public void register(Router router) {
        router.postStream("/api/v1/sources", limits.maxSourceBytes(), this::add);
        router.get(
                "/api/v1/sources",
                r -> Response.ok(ListBody.of(
                        sources.list(
                                r.caller(),
                                new SourcesUseCase.ListQuery(
                                        r.query("client"), r.query("status"), r.query("type"), r.query("key")),
                                r.page()),
                        SourceView::from)));
        router.get("/api/v1/sources/{id}", r -> Response.ok(SourceView.from(sources.get(r.caller(), id(r)))));
        router.get("/api/v1/sources/{id}/content", r -> {
            Source source = sources.get(r.caller(), id(r));
            return new Response(200, sources.content(r.caller(), source.id()), source.contentType());
        });
        router.get(
                "/api/v1/sources/{id}/chunks",
                r -> Response.ok(ListBody.of(sources.chunks(r.caller(), id(r), r.page()), ChunkView::from)));
        router.delete("/api/v1/sources/{id}", r -> {
            sources.delete(r.caller(), id(r));
            return Response.noContent();
        });
    }

    private Response add(Request r) {
        Optional<String> contentType = r.header("Content-Type");
        Optional<SourceType> bodyType = contentType.flatMap(SourceType::fromContentType);
        if (bodyType.isEmpty()) {
            return new Response(
                    415,
                    Problem.of(
                            415,
                            "unsupported-media-type",
                            "Unsupported content type",
                            contentType
                                            .map(t -> "'" + t + "' is not a document type Columnline reads")
                                            .orElse("the request has no Content-Type")
                                    + "; send one of: " + SourceType.supportedContentTypes()),
                    Problem.CONTENT_TYPE);
        }
        Duration wait = wait(r);
        byte[] body = readAll(r.bodyStream());
        Optional<SourcesUseCase.EmbeddedCommand> embedded = embeddedForm(r, bodyType.get(), body);
        if (embedded.isPresent()) {
            return answer(r, sources.addEmbedded(embedded.get()), wait);
        }
        SourcesUseCase.Command command = jsonForm(r, bodyType.get(), body)
                .orElseGet(() -> new SourcesUseCase.Command(
                        r.caller(),
                        r.query("client").map(ClientSlug::new),
                        r.query("key"),
                        r.query("name"),
                        r.query("type"),
                        contentType.get(),
                        body,
                        r.query("metadata")
                                .map(text -> metadata("metadata", tree(text.getBytes(StandardCharsets.UTF_8))))));
        return answer(r, sources.add(command), wait);
    }

    private Response answer(Request r, SourcesUseCase.Added added, Duration wait) {
        Source source = wait.isZero()
                ? added.source()
                : sources.await(r.caller(), added.source().id(), wait);
        return Response.of(source.status().settled() ? 200 : 202, SourceView.from(source));
    }

    /** The JSON form {@code {client?, key?, name, type, content, metadata?}}, when the body is one. */
    private static Optional<SourcesUseCase.Command> jsonForm(Request r, SourceType bodyType, byte[] body) {
        if (bodyType != SourceType.JSON
                || r.query("type").isPresent()
                || r.query("name").isPresent()) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = Json.tree(body);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (!node.isObject() || !node.path("content").isTextual() || !node.has("type")) {
            return Optional.empty();
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            if (!FORM_MEMBERS.contains(names.next())) {
                return Optional.empty();
            }
        }
        return Optional.of(new SourcesUseCase.Command(
                r.caller(),
                text(node, "client").or(() -> r.query("client")).map(ClientSlug::new),
                text(node, "key").or(() -> r.query("key")),
                text(node, "name"),
                Optional.of(text(node, "type").orElse("")),
                "application/json",
                node.get("content").asText().getBytes(StandardCharsets.UTF_8),
                node.has("metadata") && !node.get("metadata").isNull()
                        ? Optional.of(metadata("metadata", node.get("metadata")))
                        : Optional.empty()));
    }

    /**
     * The caller's own chunks and vectors: {@code {client?, key?, name?, metadata?, embedding_model,
     * chunks: [{content, embedding: [numbers], metadata?}]}}.
     */
    private static Optional<SourcesUseCase.EmbeddedCommand> embeddedForm(Request r, SourceType bodyType, byte[] body) {
        if (bodyType != SourceType.JSON
                || r.query("type").isPresent()
                || r.query("name").isPresent()) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = Json.tree(body);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (!node.isObject() || !node.has("chunks") || !node.has("embedding_model")) {
            return Optional.empty();
        }
        Violations problems = new Violations();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!EMBEDDED_MEMBERS.contains(name)) {
                problems.add(name, "is not a member of embedded chunks; the members are " + EMBEDDED_MEMBERS);
            }
        }
        JsonNode chunks = node.get("chunks");
        List<SourcesUseCase.GivenChunk> given = new ArrayList<>();
        if (!chunks.isArray()) {
            problems.add("chunks", "must be an array of {content, embedding, metadata?}");
        } else {
            for (int i = 0; i < chunks.size() && problems.list().size() < 20; i++) {
                JsonNode chunk = chunks.get(i);
                String at = "chunks[" + i + "]";
                if (!chunk.isObject()) {
                    problems.add(at, "must be an object {content, embedding, metadata?}");
                    continue;
                }
                JsonNode content = chunk.path("content");
                if (!content.isTextual()) {
                    problems.add(at + ".content", "must be a string: the chunk's text");
                }
                JsonNode embedding = chunk.path("embedding");
                double[] numbers = new double[Math.max(0, embedding.size())];
                if (!embedding.isArray()) {
                    problems.add(at + ".embedding", "must be an array of numbers");
                } else {
                    for (int d = 0; d < numbers.length; d++) {
                        JsonNode x = embedding.get(d);
                        if (!x.isNumber()) {
                            problems.add(
                                    at + ".embedding[" + d + "]",
                                    "must be a number, got "
                                            + x.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
                            break;
                        }
                        numbers[d] = x.asDouble();
                    }
                }
                JsonNode metadata = chunk.get("metadata");
                Optional<JsonDocument> meta = Optional.empty();
                if (metadata != null && !metadata.isNull()) {
                    if (metadata.isObject()) {
                        meta = Optional.of(Json.document(metadata));
                    } else {
                        problems.add(at + ".metadata", "must be a JSON object");
                    }
                }
                for (Iterator<String> names = chunk.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (!Set.of("content", "embedding", "metadata").contains(name)) {
                        problems.add(at + "." + name, "is not a member of a chunk: content, embedding, metadata");
                    }
                }
                given.add(new SourcesUseCase.GivenChunk(content.asText(null), numbers, meta));
            }
        }
        JsonNode model = node.get("embedding_model");
        if (!model.isTextual()) {
            problems.add("embedding_model", "must be a string: the model that made the vectors");
        }
        Optional<JsonDocument> metadata = Optional.empty();
        if (node.has("metadata") && !node.get("metadata").isNull()) {
            if (node.get("metadata").isObject()) {
                metadata = Optional.of(Json.document(node.get("metadata")));
            } else {
                problems.add("metadata", "must be a JSON object");
            }
        }
        problems.throwIfAny();
        return Optional.of(new SourcesUseCase.EmbeddedCommand(
                r.caller(),
                text(node, "client").or(() -> r.query("client")).map(ClientSlug::new),
                text(node, "key").or(() -> r.query("key")),
                text(node, "name"),
                metadata,
                Optional.of(model.asText()),
                given));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new Invalid(field, "must be a string");
        }
        return Optional.of(value.asText());
    }

    private static JsonNode tree(byte[] text) {
        try {
            return Json.tree(text);
        } catch (MalformedBody e) {
            throw new Invalid("metadata", "must be a JSON object: " + e.getMessage());
        }
    }

    private static JsonDocument metadata(String field, JsonNode node) {
        if (!node.isObject()) {
            throw new Invalid(field, "must be a JSON object");
        }
        return Json.document(node);
    }

    private static Duration wait(Request r) {
        return r.query("wait")
                .map(value -> {
                    try {
                        int seconds = Integer.parseInt(value);
                        if (seconds >= 0 && seconds <= MAX_WAIT_SECONDS) {
                            return Duration.ofSeconds(seconds);
                        }
                    } catch (NumberFormatException e) {
                        // refused below
                    }
                    throw new Invalid("wait", "must be whole seconds from 0 to " + MAX_WAIT_SECONDS);
                })
                .orElse(Duration.ZERO);
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new MalformedBody("the body could not be read: " + e.getMessage());
        }
    }

    private static SourceId id(Request r) {
        return new SourceId(r.pathId("id", "source"));
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/sources.json");
    }
}
