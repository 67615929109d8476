package io.columnline.application.tracking.memory;

import io.columnline.application.tracking.port.out.PipelineStats;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Counts the in-memory runs and steps as the Postgres adapter's GROUP BY does. */
public final class InMemoryPipelineStats implements PipelineStats {
    private final InMemoryRuns runs;
    private final InMemoryStepLog steps;

    public InMemoryPipelineStats(InMemoryRuns runs, InMemoryStepLog steps) {
        this.runs = runs;
        this.steps = steps;
    }

    @Override
    public List<VersionCounts> byVersion(Optional<ClientId> client, Optional<Instant> from, Optional<Instant> to) {
        Map<io.columnline.domain.run.RunId, BigDecimal> cost = new HashMap<>();
        steps.all().forEach(s -> cost.merge(s.run(), s.costUsd().orElse(BigDecimal.ZERO), BigDecimal::add));
        Map<String, List<Run>> byVersion = new TreeMap<>();
        runs.all()
                .filter(r -> client.map(r.client()::equals).orElse(true))
                .filter(r -> from.map(f -> !r.startedAt().isBefore(f)).orElse(true))
                .filter(r -> to.map(t -> r.startedAt().isBefore(t)).orElse(true))
                .forEach(r -> byVersion
                        .computeIfAbsent(r.pipelineVersion(), v -> new ArrayList<>())
                        .add(r));
        List<VersionCounts> counts = new ArrayList<>();
        byVersion.forEach((version, ofVersion) -> {
            BigDecimal total = ofVersion.stream()
                    .map(r -> cost.getOrDefault(r.id(), BigDecimal.ZERO))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            List<Run> finished =
                    ofVersion.stream().filter(r -> r.finishedAt().isPresent()).toList();
            long durations = finished.stream()
                    .mapToLong(
                            r -> Duration.between(r.startedAt(), r.finishedAt().get())
                                    .toMillis())
                    .sum();
            counts.add(new VersionCounts(
                    version,
                    ofVersion.size(),
                    count(ofVersion, RunStatus.RUNNING),
                    count(ofVersion, RunStatus.COMPLETED),
                    count(ofVersion, RunStatus.FAILED),
                    count(ofVersion, RunStatus.PUBLISHED),
                    normalize(total),
                    finished.size(),
                    durations));
        });
        return counts;
    }

    private static long count(List<Run> runs, RunStatus status) {
        return runs.stream().filter(r -> r.status() == status).count();
    }

    private static BigDecimal normalize(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
