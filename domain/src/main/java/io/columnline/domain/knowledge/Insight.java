package io.columnline.domain.knowledge;

import io.columnline.domain.client.ClientId;
import io.columnline.domain.run.RunId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Compounded knowledge (seed 003's insights): a pattern, learning, decision or other type of
 * finding with how confident its author is. The same client, type and normalised title is the
 * same insight: sending it again makes its next {@code version}.
 */
public record Insight(
        UUID id,
        ClientId client,
        String type,
        String title,
        String titleKey,
        String content,
        double confidence,
        List<String> tags,
        Optional<SourceId> source,
        Optional<RunId> run,
        Optional<String> companyDomain,
        int version,
        Instant createdAt,
        Instant updatedAt) {
    public static final int MAX_TITLE_LENGTH = 500;
    public static final int MAX_CONTENT_LENGTH = 100_000;
    public static final int MAX_TAGS = 50;

    public Insight {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(titleKey, "titleKey");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(companyDomain, "companyDomain");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        tags = List.copyOf(tags);
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence is from 0 to 1");
        }
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
    }

    /** The key titles are compounded on: the research cache's topic rule. */
    public static String titleKey(String title) {
        return Topics.key(title);
    }

    /** One version as it was recorded. */
    public record Version(
            int version,
            String title,
            String content,
            double confidence,
            List<String> tags,
            Optional<SourceId> source,
            Optional<RunId> run,
            Optional<String> companyDomain,
            Instant recordedAt) {
        public Version {
            tags = List.copyOf(tags);
        }

        public static Version of(Insight i) {
            return new Version(
                    i.version(),
                    i.title(),
                    i.content(),
                    i.confidence(),
                    i.tags(),
                    i.source(),
                    i.run(),
                    i.companyDomain(),
                    i.updatedAt());
        }
    }
}
