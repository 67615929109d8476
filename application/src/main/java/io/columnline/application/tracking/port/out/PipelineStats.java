package io.columnline.application.tracking.port.out;

import io.columnline.domain.client.ClientId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Runs counted per pipeline version, read from the runs and their steps. */
public interface PipelineStats {
    /**
     * One entry per pipeline version of the runs started in {@code [from, to)}, ordered by version;
     * empty parts do not filter.
     */
    List<VersionCounts> byVersion(Optional<ClientId> client, Optional<Instant> from, Optional<Instant> to);

    /**
     * Runs by their status now, what their steps cost in all, and how many runs finished with how
     * much wall-clock time between them.
     */
    record VersionCounts(
            String pipelineVersion,
            long started,
            long running,
            long completed,
            long failed,
            long published,
            BigDecimal totalCostUsd,
            long finished,
            long totalDurationMs) {}
}
