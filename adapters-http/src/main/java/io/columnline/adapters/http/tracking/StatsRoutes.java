package io.columnline.adapters.http.tracking;

import io.columnline.adapters.http.shared.ListBody;
import io.columnline.adapters.http.shared.Request;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.application.tracking.port.in.PipelineStatsUseCase;
import io.columnline.application.tracking.port.in.PipelineStatsUseCase.VersionStats;
import io.columnline.domain.error.Invalid;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

final class StatsRoutes implements Routes {
    private final PipelineStatsUseCase stats;

    @Inject
    StatsRoutes(PipelineStatsUseCase stats) {
        this.stats = stats;
    }

    record VersionStatsView(
            String pipelineVersion,
            long runsStarted,
            long runsRunning,
            long runsCompleted,
            long runsFailed,
            long runsPublished,
            BigDecimal successRate,
            BigDecimal averageCostUsd,
            Long averageDurationMs) {
        static VersionStatsView from(VersionStats s) {
            return new VersionStatsView(
                    s.pipelineVersion(),
                    s.runsStarted(),
                    s.runsRunning(),
                    s.runsCompleted(),
                    s.runsFailed(),
                    s.runsPublished(),
                    s.successRate().orElse(null),
                    s.averageCostUsd().orElse(null),
                    s.averageDurationMs().orElse(null));
        }
    }

    @Override
    public void register(Router router) {
        router.get(
                "/api/v1/stats/pipeline-versions",
                r -> Response.ok(ListBody.all(stats
                        .byVersion(
                                r.caller(),
                                new PipelineStatsUseCase.Query(r.query("client"), time(r, "from"), time(r, "to")))
                        .stream()
                        .map(VersionStatsView::from)
                        .toList())));
    }

    /** An ISO-8601 UTC time, or a date meaning its start in UTC. */
    private static Optional<Instant> time(Request r, String name) {
        return r.query(name).map(value -> {
            try {
                return value.length() == 10
                        ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new Invalid(name, "must be a date such as 2026-11-01 or a UTC time such as 2026-11-01T00:00:00Z");
            }
        });
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/stats.json");
    }
}
