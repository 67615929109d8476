package io.columnline.app;

import io.columnline.adapters.http.shared.HttpServer;
import io.columnline.domain.event.SystemEvent;
import io.columnline.domain.json.JsonDocument;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "serve",
        description = "Run the HTTP API (on the embedded PostgreSQL unless COLUMNLINE_DATABASE_URL is set).",
        mixinStandardHelpOptions = true)
final class ServeCommand implements java.util.concurrent.Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    private final ColumnlineComponent component;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();

    @Spec
    CommandSpec spec;

    ServeCommand(ColumnlineComponent component) {
        this.component = component;
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var jvmStarted = jvmStartMillis();
        Server server = start(component);
        server.newAdminKey()
                .ifPresent(key ->
                        out.printf("Created the first admin key (shown only now, store it safely):%n  %s%n", key));
        out.printf(
                "Columnline ready at http://localhost:%d on %s in %d ms%n"
                        + "  console: http://localhost:%d/console/ (sign in with an API key), API explorer: /docs%n",
                server.port(),
                component.lifecycle().database().description(),
                System.currentTimeMillis() - jvmStarted.join(),
                server.port());
        out.flush();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.stop();
                            stopped.countDown();
                        },
                        "columnline-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** What {@code serve.started} records: the version, how long start-up took, the database kind. */
    static JsonDocument started(ColumnlineComponent component, long startupMillis) {
        String version =
                Main.class.getAnnotation(picocli.CommandLine.Command.class).version()[0];
        return new JsonDocument(
                "{\"database\":\"" + component.lifecycle().database().kind() + "\",\"startup_ms\":" + startupMillis
                        + ",\"version\":\"" + version.replace("\"", "") + "\"}");
    }

    /** A started server and what it started with; {@link #stop} is safe to call more than once. */
    record Server(
            ColumnlineComponent component,
            HttpServer http,
            ScheduledExecutorService jobs,
            ScheduledExecutorService sourceWorkers,
            java.util.Optional<String> newAdminKey,
            AtomicBoolean stopped) {
        int port() {
            return http.port();
        }

        void stop() {
            if (stopped.getAndSet(true)) {
                return;
            }
            LOG.info("stopping: finishing requests in flight");
            component.events().get().system(SystemEvent.SERVE_STOPPING, new JsonDocument("{\"reason\":\"stop\"}"));
            jobs.shutdownNow();
            sourceWorkers.shutdownNow();
            http.stop(10_000);
            component.searchIndex().get().close();
            component.lifecycle().close();
            LOG.info("stopped");
        }
    }

    /**
     * Starts the database (and migrates) on a thread of its own right away, while the command line
     * is still being parsed; {@link #start} then finds it open or waits for it. A failure here is
     * left to {@link #start}, which tries again and reports it.
     */
    static void prestart(ColumnlineComponent component) {
        Thread.ofPlatform().daemon().name("columnline-database-start").start(() -> {
            try {
                component.lifecycle().database();
            } catch (RuntimeException e) {
                LOG.debug("early database start failed; serve tries again", e);
            }
        });
    }

    /** Migrates, makes sure an admin key exists, starts the HTTP server and the background jobs. */
    static Server start(ColumnlineComponent component) {
        long startedNanos = System.nanoTime();
        // PostgreSQL starts and migrates while this thread loads the HTTP and JSON classes
        var database = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> component.lifecycle().database());
        warmUp();

        database.join();

        int migrations = component.lifecycle().migrationsApplied();
        if (migrations > 0) {
            component
                    .events()
                    .get()
                    .system(SystemEvent.MIGRATIONS_APPLIED, new JsonDocument("{\"count\":" + migrations + "}"));
        }
        var newAdminKey = component
                .apiKeys()
                .get()
                .ensureAdminKey(component.lifecycle().config().adminKey());
        openSearchIndex(component);
        HttpServer http = component.httpServer().get();
        http.start();
        ScheduledExecutorService jobs = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "columnline-jobs");
            t.setDaemon(true);
            return t;
        });
        jobs.scheduleWithFixedDelay(
                () -> runJob(
                        component,
                        "purge idempotency records",
                        () -> component.idempotency().get().purgeExpired()),
                1,
                60,
                TimeUnit.MINUTES);
        jobs.scheduleWithFixedDelay(
                () -> runJob(
                        component,
                        "prune old events",
                        () -> component.events().get().prune()),
                2,
                60,
                TimeUnit.MINUTES);
        jobs.scheduleWithFixedDelay(
                () -> runJob(
                        component,
                        "deliver webhooks",
                        () -> component.webhooks().get().deliverDue()),
                1,
                1,
                TimeUnit.SECONDS);
        jobs.scheduleWithFixedDelay(
                () -> runJob(
                        component,
                        "release due dossiers",
                        () -> component.releases().get().releaseDue()),
                2_000,
                component.lifecycle().config().releaseEveryMillis(),
                TimeUnit.MILLISECONDS);
        jobs.scheduleWithFixedDelay(
                () -> runJob(
                        component,
                        "time out running steps",
                        () -> component.stepTimeouts().get().timeOutStale()),
                5,
                60,
                TimeUnit.SECONDS);
        Server server =
                new Server(component, http, jobs, startSourceWorkers(component), newAdminKey, new AtomicBoolean());
        long startupMillis = ProcessHandle.current()
                .info()
                .startInstant()
                .map(at -> System.currentTimeMillis() - at.toEpochMilli())
                .orElse((System.nanoTime() - startedNanos) / 1_000_000);
        component.events().get().system(SystemEvent.SERVE_STARTED, started(component, startupMillis));
        return server;
    }

    /**
     * Context sources are read and chunked on as many threads as COLUMNLINE_SOURCE_WORKERS says (the
     * cores, by default); each takes the next waiting source as soon as it is done with one.
     */
    private static ScheduledExecutorService startSourceWorkers(ColumnlineComponent component) {
        int workers = component.lifecycle().config().sourceWorkers();
        java.util.concurrent.atomic.AtomicInteger numbers = new java.util.concurrent.atomic.AtomicInteger();
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(workers, r -> {
            Thread t = new Thread(r, "columnline-sources-" + numbers.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < workers; i++) {
            pool.scheduleWithFixedDelay(
                    () -> runJob(component, "process context sources", () -> {
                        var processing = component.sourceProcessing().get();
                        while (!Thread.currentThread().isInterrupted() && processing.processNext()) {
                            // the next one straight away
                        }
                    }),
                    100 + 50L * i,
                    200,
                    TimeUnit.MILLISECONDS);
        }
        return pool;
    }

    /**
     * Brings the search index up to date on a thread of its own: a missing index rebuilds from
     * PostgreSQL while the server already answers (searches wait for it a while, /readyz says
     * rebuilding). A small one is ready before the first request: it is given a second.
     */
    private static void openSearchIndex(ColumnlineComponent component) {
        var index = component.searchIndex().get();
        Thread opening = Thread.ofPlatform()
                .daemon()
                .name("columnline-search-index")
                .start(() -> runJob(component, "bring the search index up to date", index::bringUpToDate));
        try {
            opening.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void warmUp() {
        io.columnline.adapters.http.shared.Json.write(java.util.Map.of("warm", java.time.Instant.EPOCH));
        io.undertow.Undertow.builder();
        // Jdbi registers its statement event with the flight recorder before its first statement
        initialize("org.jdbi.v3.core.statement.internal.JfrSupport");
    }

    private static void initialize(String className) {
        try {
            Class.forName(className, true, ServeCommand.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.debug("nothing to warm up in {}", className, e);
        }
    }

    static void runJob(ColumnlineComponent component, String name, Runnable job) {
        try {
            job.run();
            component.metrics().jobRan(name, false);
        } catch (RuntimeException e) {
            component.metrics().jobRan(name, true);
            LOG.warn("background job '{}' failed; it runs again on schedule", name, e);
        }
    }

    /**
     * When the JVM started (the ready line counts from there), asked on a thread of its own: the
     * management classes behind the answer take a noticeable part of a start to load.
     */
    private static CompletableFuture<Long> jvmStartMillis() {
        var started = new CompletableFuture<Long>();
        Thread.ofPlatform().daemon().name("columnline-uptime").start(() -> {
            try {
                started.complete(ManagementFactory.getRuntimeMXBean().getStartTime());
            } catch (RuntimeException | Error e) {
                started.completeExceptionally(e);
                return;
            }
            // the HTTP server's XNIO registers management beans as it starts; the platform bean
            // server they need is made here, off the way to ready
            ManagementFactory.getPlatformMBeanServer();
        });
        return started;
    }
}
