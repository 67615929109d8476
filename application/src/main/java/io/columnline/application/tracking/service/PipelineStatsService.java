package io.columnline.application.tracking.service;

import io.columnline.application.shared.Transactions;
import io.columnline.application.tenancy.port.in.ClientAccess;
import io.columnline.application.tracking.port.in.PipelineStatsUseCase;
import io.columnline.application.tracking.port.out.PipelineStats;
import io.columnline.application.tracking.port.out.PipelineStats.VersionCounts;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.error.Invalid;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

public final class PipelineStatsService implements PipelineStatsUseCase {
    private final PipelineStats stats;
    private final ClientAccess clients;
    private final Transactions transactions;

    @Inject
    public PipelineStatsService(PipelineStats stats, ClientAccess clients, Transactions transactions) {
        this.stats = stats;
        this.clients = clients;
        this.transactions = transactions;
    }

    @Override
    public List<VersionStats> byVersion(Caller caller, Query query) {
        if (query.from().isPresent()
                && query.to().isPresent()
                && !query.from().get().isBefore(query.to().get())) {
            throw new Invalid("to", "must be after from");
        }
        return transactions.inTransaction(() -> {
            var client = clients.named(caller, query.client()).map(Client::id);
            return stats.byVersion(client, query.from(), query.to()).stream()
                    .map(PipelineStatsService::stats)
                    .toList();
        });
    }

    private static VersionStats stats(VersionCounts c) {
        long finished = c.completed() + c.published() + c.failed();
        Optional<BigDecimal> successRate = finished == 0
                ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(c.completed() + c.published())
                        .divide(BigDecimal.valueOf(finished), 4, RoundingMode.HALF_EVEN)
                        .stripTrailingZeros());
        Optional<BigDecimal> averageCost = c.started() == 0
                ? Optional.empty()
                : Optional.of(c.totalCostUsd()
                        .divide(BigDecimal.valueOf(c.started()), 6, RoundingMode.HALF_EVEN)
                        .stripTrailingZeros());
        Optional<Long> averageDuration = c.finished() == 0
                ? Optional.empty()
                : Optional.of(Math.round((double) c.totalDurationMs() / c.finished()));
        return new VersionStats(
                c.pipelineVersion(),
                c.started(),
                c.running(),
                c.completed(),
                c.failed(),
                c.published(),
                successRate.map(PipelineStatsService::plain),
                averageCost.map(PipelineStatsService::plain),
                averageDuration);
    }

    private static BigDecimal plain(BigDecimal value) {
        return value.scale() < 0 ? value.setScale(0) : value;
    }
}
