package io.columnline.domain.knowledge;

import io.columnline.domain.client.ClientId;
import io.columnline.domain.json.JsonDocument;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** One version of a client's keyed markdown document (a Matrice pillar, a profile document, any key). */
public record KnowledgeDocument(
        ClientId client,
        String key,
        int version,
        String name,
        String content,
        JsonDocument metadata,
        Instant createdAt) {
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_CONTENT_LENGTH = 5_000_000;

    public static final String ICP_CONFIG = "icp_config";
    public static final String INDUSTRY_RESEARCH = "industry_research";
    public static final String RESEARCH_CONTEXT = "research_context";
    /** Keys whose versions are the client's profile versions. */
    public static final Set<String> PROFILE_KEYS = Set.of(ICP_CONFIG, INDUSTRY_RESEARCH, RESEARCH_CONTEXT);

    public KnowledgeDocument {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(createdAt, "createdAt");
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
    }
}
