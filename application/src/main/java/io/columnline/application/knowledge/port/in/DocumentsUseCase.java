package io.columnline.application.knowledge.port.in;

import io.columnline.domain.access.Caller;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.KnowledgeDocument;
import java.util.List;
import java.util.Optional;

/**
 * A client's keyed, versioned documents: the Matrice pillars and any other key, and the client's
 * three profile documents (icp_config, industry_research, research_context) through the same calls.
 */
public interface DocumentsUseCase {
    /** Unchanged content is no new version ({@code created} false). */
    Saved put(
            Caller caller,
            ClientSlug client,
            String key,
            Optional<String> name,
            String content,
            Optional<JsonDocument> metadata);

    KnowledgeDocument get(Caller caller, ClientSlug client, String key, Optional<Integer> version);

    List<KnowledgeDocument> versions(Caller caller, ClientSlug client, String key);

    /** Each document's newest version, by key, the profile documents among them. */
    List<KnowledgeDocument> list(Caller caller, ClientSlug client);

    /** A unified diff from one version to another; empty when they are equal. */
    String diff(Caller caller, ClientSlug client, String key, int from, int to);

    record Saved(KnowledgeDocument document, boolean created) {}
}
