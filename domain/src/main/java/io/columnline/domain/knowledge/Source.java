package io.columnline.domain.knowledge;

import io.columnline.domain.client.ClientId;
import io.columnline.domain.json.JsonDocument;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A client's document, kept byte for byte (the bytes themselves are stored apart: {@code sha256}
 * and {@code sizeBytes} describe them). Each version of a keyed source is a source of its own.
 */
public record Source(
        SourceId id,
        ClientId client,
        Optional<String> key,
        int version,
        SourceType type,
        String name,
        String contentType,
        String sha256,
        long sizeBytes,
        JsonDocument metadata,
        SourceStatus status,
        Optional<String> error,
        Optional<Integer> tokenCount,
        int chunkCount,
        Instant createdAt,
        Optional<Instant> processedAt) {

    public static final int MAX_NAME_LENGTH = 500;
    public static final int MAX_KEY_LENGTH = 200;

    public Source {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(tokenCount, "tokenCount");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(processedAt, "processedAt");
        if (version < 1) {
            throw new IllegalArgumentException("a version starts at 1");
        }
        if (sha256 == null || sha256.length() != 64) {
            throw new IllegalArgumentException("sha256 must be 64 hex digits");
        }
        HexFormat.of().parseHex(sha256);
    }

    /** A new source waiting for a worker. */
    public static Source pending(
            ClientId client,
            Optional<String> key,
            int version,
            SourceType type,
            String name,
            String contentType,
            String sha256,
            long sizeBytes,
            JsonDocument metadata,
            Instant now) {
        return new Source(
                SourceId.random(),
                client,
                key,
                version,
                type,
                name,
                contentType,
                sha256,
                sizeBytes,
                metadata,
                SourceStatus.PENDING,
                Optional.empty(),
                Optional.empty(),
                0,
                now,
                Optional.empty());
    }
}
