package io.columnline.domain.prospect;

import io.columnline.domain.client.ClientId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** One finished import: which file, with which anchors, what it did, and when. */
public record ImportRecord(
        UUID id,
        ClientId client,
        ProspectKind kind,
        String fileName,
        String sha256,
        Optional<String> sessionKey,
        Optional<String> batchId,
        ImportCounts counts,
        Instant startedAt,
        Instant finishedAt) {

    public ImportRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(sessionKey, "sessionKey");
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(counts, "counts");
    }
}
