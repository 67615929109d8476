package io.columnline.application.knowledge.port.in;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.knowledge.Insight;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What pipelines learn, compounded: the same client, type and title again is the next version. */
public interface InsightsUseCase {
    Recorded record(Command command);

    Insight get(Caller caller, UUID id);

    List<Insight.Version> history(Caller caller, UUID id);

    Page<Insight> list(Caller caller, Query query, PageRequest page);

    void delete(Caller caller, UUID id);

    /** {@code confidence} is required (0..1); ids are as sent, checked here. */
    record Command(
            Caller caller,
            Optional<ClientSlug> client,
            String type,
            String title,
            String content,
            Double confidence,
            List<String> tags,
            Optional<UUID> source,
            Optional<UUID> run,
            Optional<String> companyDomain) {}

    /** {@code created} false: an earlier insight of the same key got a new version. */
    record Recorded(Insight insight, boolean created) {}

    record Query(
            Optional<String> client,
            Optional<String> type,
            Optional<String> tag,
            Optional<Double> minConfidence,
            Optional<UUID> source,
            Optional<UUID> run,
            Optional<String> companyDomain,
            Optional<Instant> since) {}
}
