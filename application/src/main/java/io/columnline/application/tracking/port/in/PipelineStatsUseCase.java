package io.columnline.application.tracking.port.in;

import io.columnline.domain.access.Caller;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** How each pipeline version is doing: the V1 vs V2 comparison the roadmap asks for. */
public interface PipelineStatsUseCase {
    /** Ordered by version. */
    List<VersionStats> byVersion(Caller caller, Query query);

    /** {@code client} is a slug or id; runs started in {@code [from, to)}; empty parts do not filter. */
    record Query(Optional<String> client, Optional<Instant> from, Optional<Instant> to) {}

    /**
     * Runs by their status now. {@code successRate} is the share of finished runs (completed,
     * published or failed) that did not fail; the averages are per run started and per run finished.
     */
    record VersionStats(
            String pipelineVersion,
            long runsStarted,
            long runsRunning,
            long runsCompleted,
            long runsFailed,
            long runsPublished,
            Optional<BigDecimal> successRate,
            Optional<BigDecimal> averageCostUsd,
            Optional<Long> averageDurationMs) {}
}
