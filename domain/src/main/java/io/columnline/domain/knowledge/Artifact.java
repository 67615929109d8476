package io.columnline.domain.knowledge;

import io.columnline.domain.client.ClientId;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.run.RunId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One version of a client's keyed artifact (a script, a report, any file). Text content is kept as
 * text; anything else as bytes with its content type.
 */
public record Artifact(
        UUID id,
        ClientId client,
        String key,
        int version,
        String kind,
        String contentType,
        Optional<String> text,
        Optional<byte[]> bytes,
        String contentSha256,
        long sizeBytes,
        Optional<RunId> run,
        JsonDocument metadata,
        Instant createdAt) {
    public Artifact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(createdAt, "createdAt");
        if (text.isPresent() == bytes.isPresent()) {
            throw new IllegalArgumentException("an artifact holds text or bytes");
        }
        bytes = bytes.map(byte[]::clone);
    }

    /** The content as bytes: text as UTF-8. */
    public byte[] content() {
        return text.map(t -> t.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> bytes.orElseThrow().clone());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Artifact a
                && id.equals(a.id)
                && client.equals(a.client)
                && key.equals(a.key)
                && version == a.version
                && kind.equals(a.kind)
                && contentType.equals(a.contentType)
                && text.equals(a.text)
                && Arrays.equals(bytes.orElse(null), a.bytes.orElse(null))
                && contentSha256.equals(a.contentSha256)
                && sizeBytes == a.sizeBytes
                && run.equals(a.run)
                && metadata.equals(a.metadata)
                && createdAt.equals(a.createdAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version);
    }
}
