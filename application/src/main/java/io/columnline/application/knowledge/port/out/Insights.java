package io.columnline.application.knowledge.port.out;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.knowledge.Insight;
import io.columnline.domain.knowledge.SourceId;
import io.columnline.domain.run.RunId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Insights as they stand, each with every version it had. */
public interface Insights {
    /**
     * Stores the insight as its current state and records it as a version: a first version adds
     * it, a later one replaces the current state of the same id.
     */
    void save(Insight insight);

    Optional<Insight> byId(UUID id);

    /** The client's insight of the type and title key, locked for its next version. */
    Optional<Insight> byKeyForUpdate(ClientId client, String type, String titleKey);

    /** Oldest version first. */
    List<Insight.Version> history(UUID id);

    /** Oldest first (by creation); every filter present must match. */
    Page<Insight> list(Filter filter, PageRequest page);

    boolean delete(UUID id);

    record Filter(
            Optional<ClientId> client,
            Optional<String> type,
            Optional<String> tag,
            Optional<Double> minConfidence,
            Optional<SourceId> source,
            Optional<RunId> run,
            Optional<String> companyDomain,
            Optional<Instant> since) {}
}
