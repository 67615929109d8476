package io.columnline.adapters.http.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.adapters.http.shared.Json;
import io.columnline.adapters.http.shared.ListBody;
import io.columnline.adapters.http.shared.MalformedBody;
import io.columnline.adapters.http.shared.Request;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.application.knowledge.port.in.DocumentsUseCase;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.knowledge.KnowledgeDocument;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/** A client's keyed, versioned documents; the profile's three are among them. */
final class DocumentRoutes implements Routes {
    private final DocumentsUseCase documents;

    @Inject
    DocumentRoutes(DocumentsUseCase documents) {
        this.documents = documents;
    }

    record DocumentBody(String name, String content, JsonNode metadata) {}

    record DocumentView(String key, int version, String name, String content, JsonNode metadata, Instant createdAt) {
        static DocumentView from(KnowledgeDocument d, boolean withContent) {
            return new DocumentView(
                    d.key(),
                    d.version(),
                    d.name(),
                    withContent ? d.content() : null,
                    Json.node(d.metadata()),
                    d.createdAt());
        }
    }

    @Override
    public void register(Router router) {
        router.put("/api/v1/clients/{slug}/documents/{key}", r -> {
            DocumentBody b = r.body(DocumentBody.class);
            String key = r.path("key");
            if (b.content() == null) {
                throw new Invalid("content", "is required");
            }
            if (b.metadata() != null && !b.metadata().isNull() && !b.metadata().isObject()) {
                throw new Invalid("metadata", "must be a JSON object");
            }
            String content = key.equals(KnowledgeDocument.ICP_CONFIG) ? canonicalObject(b.content()) : b.content();
            DocumentsUseCase.Saved saved = documents.put(
                    r.caller(),
                    slug(r),
                    key,
                    Optional.ofNullable(b.name()),
                    content,
                    Optional.ofNullable(b.metadata()).filter(m -> !m.isNull()).map(Json::document));
            DocumentView view = DocumentView.from(saved.document(), true);
            return saved.created() ? Response.created(view) : Response.ok(view);
        });
        router.get(
                "/api/v1/clients/{slug}/documents",
                r -> Response.ok(ListBody.all(documents.list(r.caller(), slug(r)).stream()
                        .map(d -> DocumentView.from(d, false))
                        .toList())));
        router.get(
                "/api/v1/clients/{slug}/documents/{key}",
                r -> Response.ok(DocumentView.from(
                        documents.get(r.caller(), slug(r), r.path("key"), version(r, "version")), true)));
        router.get(
                "/api/v1/clients/{slug}/documents/{key}/versions",
                r -> Response.ok(ListBody.all(documents.versions(r.caller(), slug(r), r.path("key")).stream()
                        .map(d -> DocumentView.from(d, false))
                        .toList())));
        router.get("/api/v1/clients/{slug}/documents/{key}/diff", r -> {
            // another client's document is not found before its versions are asked about
            documents.versions(r.caller(), slug(r), r.path("key"));
            int from = version(r, "from").orElseThrow(() -> new Invalid("from", "is required: a version number"));
            int to = version(r, "to").orElseThrow(() -> new Invalid("to", "is required: a version number"));
            String diff = documents.diff(r.caller(), slug(r), r.path("key"), from, to);
            return new Response(200, diff.getBytes(StandardCharsets.UTF_8), "text/x-diff; charset=utf-8");
        });
    }

    /** icp_config is a JSON object: sent as its JSON text, stored in canonical form. */
    private static String canonicalObject(String content) {
        JsonNode node;
        try {
            node = Json.tree(content.getBytes(StandardCharsets.UTF_8));
        } catch (MalformedBody e) {
            throw new Invalid("content", "of icp_config must be a JSON object: " + e.getMessage());
        }
        if (!node.isObject()) {
            throw new Invalid("content", "of icp_config must be a JSON object");
        }
        return Json.document(node).text();
    }

    private static ClientSlug slug(Request r) {
        return new ClientSlug(r.path("slug"));
    }

    private static Optional<Integer> version(Request r, String name) {
        return r.query(name).map(v -> {
            try {
                int n = Integer.parseInt(v);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new Invalid(name, "must be a whole number from 1");
        });
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/documents.json");
    }
}
