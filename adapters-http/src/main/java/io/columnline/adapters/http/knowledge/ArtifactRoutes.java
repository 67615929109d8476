package io.columnline.adapters.http.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.adapters.http.shared.Json;
import io.columnline.adapters.http.shared.ListBody;
import io.columnline.adapters.http.shared.Request;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.application.knowledge.port.in.ArtifactsUseCase;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.knowledge.Artifact;
import io.columnline.domain.run.RunId;
import jakarta.inject.Inject;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Artifacts: the JSON form {@code {client?, kind, content, run_id?, metadata?}} stores text; any
 * other body is stored as it came, text for {@code text/*} and bytes with its type otherwise.
 */
final class ArtifactRoutes implements Routes {
    private final ArtifactsUseCase artifacts;

    @Inject
    ArtifactRoutes(ArtifactsUseCase artifacts) {
        this.artifacts = artifacts;
    }

    record ArtifactBody(String client, String kind, String content, String runId, JsonNode metadata) {}

    record ArtifactView(
            UUID id,
            UUID clientId,
            String key,
            int version,
            String kind,
            String contentType,
            long sizeBytes,
            String contentSha256,
            UUID runId,
            JsonNode metadata,
            Instant createdAt,
            String content,
            String contentBase64) {
        static ArtifactView from(Artifact a, boolean withContent) {
            return new ArtifactView(
                    a.id(),
                    a.client().value(),
                    a.key(),
                    a.version(),
                    a.kind(),
                    a.contentType(),
                    a.sizeBytes(),
                    a.contentSha256(),
                    a.run().map(RunId::value).orElse(null),
                    Json.node(a.metadata()),
                    a.createdAt(),
                    withContent ? a.text().orElse(null) : null,
                    withContent
                            ? a.bytes()
                                    .map(b -> Base64.getEncoder().encodeToString(b))
                                    .orElse(null)
                            : null);
        }
    }

    @Override
    public void register(Router router) {
        router.put("/api/v1/artifacts/{key}", this::save);
        router.get(
                "/api/v1/artifacts",
                r -> Response.ok(ListBody.of(
                        artifacts.list(
                                r.caller(),
                                new ArtifactsUseCase.Query(
                                        r.query("client"),
                                        r.query("kind"),
                                        r.query("run_id").map(id -> Request.uuid(id, "run"))),
                                r.page()),
                        a -> ArtifactView.from(a, false))));
        router.get(
                "/api/v1/artifacts/{key}",
                r -> Response.ok(
                        ArtifactView.from(artifacts.get(r.caller(), client(r), r.path("key"), version(r)), true)));
        router.get("/api/v1/artifacts/{key}/content", r -> {
            Artifact a = artifacts.get(r.caller(), client(r), r.path("key"), version(r));
            return new Response(200, a.content(), a.contentType());
        });
        router.get(
                "/api/v1/artifacts/{key}/versions",
                r -> Response.ok(ListBody.all(artifacts.versions(r.caller(), client(r), r.path("key")).stream()
                        .map(a -> ArtifactView.from(a, false))
                        .toList())));
    }

    private Response save(Request r) {
        String contentType = r.header("Content-Type").orElse("application/octet-stream");
        String bare = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        ArtifactsUseCase.Command command;
        if (bare.equals("application/json")) {
            ArtifactBody b = r.body(ArtifactBody.class);
            if (b.content() == null) {
                throw new Invalid("content", "is required");
            }
            if (b.metadata() != null && !b.metadata().isNull() && !b.metadata().isObject()) {
                throw new Invalid("metadata", "must be a JSON object");
            }
            command = new ArtifactsUseCase.Command(
                    r.caller(),
                    Optional.ofNullable(b.client()).map(ClientSlug::new),
                    r.path("key"),
                    b.kind(),
                    "text/plain; charset=utf-8",
                    Optional.of(b.content()),
                    Optional.empty(),
                    Optional.ofNullable(b.runId()).map(id -> Request.uuid(id, "run")),
                    Optional.ofNullable(b.metadata()).filter(m -> !m.isNull()).map(Json::document));
        } else {
            byte[] body = r.bodyBytes();
            Optional<String> text = bare.startsWith("text/") ? utf8(body) : Optional.empty();
            command = new ArtifactsUseCase.Command(
                    r.caller(),
                    client(r),
                    r.path("key"),
                    r.query("kind").orElse("other"),
                    contentType,
                    text,
                    text.isPresent() ? Optional.empty() : Optional.of(body),
                    r.query("run_id").map(id -> Request.uuid(id, "run")),
                    Optional.empty());
        }
        ArtifactsUseCase.Saved saved = artifacts.save(command);
        ArtifactView view = ArtifactView.from(saved.artifact(), false);
        return saved.created() ? Response.created(view) : Response.ok(view);
    }

    /** Text that is not valid UTF-8 is kept as bytes, unchanged. */
    private static Optional<String> utf8(byte[] body) {
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Optional<ClientSlug> client(Request r) {
        return r.query("client").map(ClientSlug::new);
    }

    private static Optional<Integer> version(Request r) {
        return r.query("version").map(v -> {
            try {
                int n = Integer.parseInt(v);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new Invalid("version", "must be a whole number from 1");
        });
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/artifacts.json");
    }
}
