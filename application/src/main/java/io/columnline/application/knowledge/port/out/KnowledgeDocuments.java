package io.columnline.application.knowledge.port.out;

import io.columnline.domain.client.ClientId;
import io.columnline.domain.knowledge.KnowledgeDocument;
import java.util.List;
import java.util.Optional;

/** Every version of a client's keyed documents (not the profile's, which tenancy keeps). */
public interface KnowledgeDocuments {
    /** False, nothing written, when the key has this version already (a concurrent writer won). */
    boolean add(KnowledgeDocument document);

    Optional<KnowledgeDocument> latest(ClientId client, String key);

    /** Oldest first. */
    List<KnowledgeDocument> versions(ClientId client, String key);

    /** Each key's newest version, by key. */
    List<KnowledgeDocument> latestOfClient(ClientId client);
}
