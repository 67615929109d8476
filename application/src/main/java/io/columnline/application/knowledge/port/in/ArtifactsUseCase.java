package io.columnline.application.knowledge.port.in;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.Artifact;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A client's keyed artifacts with their history: a new version only when the content changed. */
public interface ArtifactsUseCase {
    Saved save(Command command);

    /** The newest version, or the one asked for. */
    Artifact get(Caller caller, Optional<ClientSlug> client, String key, Optional<Integer> version);

    List<Artifact> versions(Caller caller, Optional<ClientSlug> client, String key);

    Page<Artifact> list(Caller caller, Query query, PageRequest page);

    /** {@code text} present: text content; else {@code bytes} with {@code contentType}. */
    record Command(
            Caller caller,
            Optional<ClientSlug> client,
            String key,
            String kind,
            String contentType,
            Optional<String> text,
            Optional<byte[]> bytes,
            Optional<UUID> run,
            Optional<JsonDocument> metadata) {}

    /** {@code created} false: the content was the newest version's already. */
    record Saved(Artifact artifact, boolean created) {}

    record Query(Optional<String> client, Optional<String> kind, Optional<UUID> run) {}
}
