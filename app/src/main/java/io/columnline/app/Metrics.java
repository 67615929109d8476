package io.columnline.app;

import io.columnline.adapters.http.shared.HttpMetrics;
import io.columnline.adapters.postgres.shared.Database;
import io.columnline.adapters.postgres.shared.OperationalCounts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import java.util.function.ToDoubleFunction;

/**
 * The one metrics registry, Micrometer's Prometheus one; only the app module sees Micrometer.
 * Database counts (scheduled dossiers, the webhook outbox, context sources) are read in one
 * statement when /metrics is scraped, so nothing polls the database between scrapes.
 */
@Singleton
final class Metrics implements HttpMetrics {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Metrics.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Lifecycle lifecycle;
    private final AtomicReference<OperationalCounts.Counts> counts =
            new AtomicReference<>(new OperationalCounts.Counts(0, 0, 0, 0, 0, 0));

    @Inject
    Metrics(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        pool("active", "connections in use", Database.PoolState::active);
        pool("idle", "connections open and free", Database.PoolState::idle);
        pool("max", "most connections the pool opens", Database.PoolState::max);
        pool("pending", "threads waiting for a connection", Database.PoolState::waiting);
        count(
                "columnline.dossiers.scheduled",
                "dossiers waiting for their release date",
                OperationalCounts.Counts::dossiersScheduled);
        count(
                "columnline.dossiers.due",
                "scheduled dossiers whose release date has come",
                OperationalCounts.Counts::dossiersDue);
        count(
                "columnline.webhooks.pending",
                "webhook deliveries in the outbox, not yet delivered",
                OperationalCounts.Counts::webhooksPending);
        count(
                "columnline.webhooks.given.up",
                "webhook deliveries given up after their last attempt",
                OperationalCounts.Counts::webhooksGivenUp);
        count(
                "columnline.sources.pending",
                "context sources waiting to be processed (the background job queue)",
                OperationalCounts.Counts::sourcesPending);
        count(
                "columnline.sources.processing",
                "context sources being processed now",
                OperationalCounts.Counts::sourcesProcessing);
    }

    private void pool(String state, String help, ToDoubleFunction<Database.PoolState> read) {
        Gauge.builder(
                        "hikaricp.connections." + state,
                        lifecycle,
                        l -> l.databaseIfOpen()
                                .map(d -> read.applyAsDouble(d.pool()))
                                .orElse(0.0))
                .tag("pool", "columnline")
                .description(help)
                .register(registry);
    }

    private void count(String name, String help, ToDoubleFunction<OperationalCounts.Counts> read) {
        Gauge.builder(name, counts, c -> read.applyAsDouble(c.get()))
                .description(help)
                .register(registry);
    }

    @Override
    public void requestCompleted(String method, String routeTemplate, int status, long nanos) {
        Timer.builder("http.server.requests")
                .description("HTTP requests by route template and status")
                .tags("method", method, "route", routeTemplate, "status", Integer.toString(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(40))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void publishQueue(IntSupplier waiting, IntSupplier running) {
        Gauge.builder("columnline.publish.queue.waiting", waiting, IntSupplier::getAsInt)
                .description("publish requests waiting for their turn")
                .register(registry);
        Gauge.builder("columnline.publish.queue.running", running, IntSupplier::getAsInt)
                .description("publish requests holding a turn")
                .register(registry);
    }

    /** One run of a background job, by name, and whether it failed. */
    void jobRan(String job, boolean failed) {
        Counter.builder("columnline.background.job.runs")
                .description("background job runs (release due dossiers, deliver webhooks, process context sources)")
                .tags("job", job, "outcome", failed ? "failed" : "ok")
                .register(registry)
                .increment();
    }

    @Override
    public String scrape() {
        lifecycle.databaseIfOpen().ifPresent(database -> {
            try {
                counts.set(new OperationalCounts(database).read());
            } catch (RuntimeException e) {
                LOG.warn("metrics: could not count the queues in the database; the last counts stand", e);
            }
        });
        return registry.scrape();
    }

    @Override
    public boolean open() {
        return lifecycle.config().metricsOpen();
    }
}
