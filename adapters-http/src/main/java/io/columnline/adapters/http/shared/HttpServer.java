package io.columnline.adapters.http.shared;

import io.columnline.application.shared.IdempotencyRecords.StoredResponse;
import io.columnline.application.shared.IdempotencyUseCase;
import io.columnline.application.tenancy.port.in.AuthenticateUseCase;
import io.columnline.domain.access.Caller;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.server.handlers.RequestLimit;
import io.undertow.server.handlers.RequestLimitingHandler;
import io.undertow.util.Headers;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Undertow server: every area's routes, one access-log line per request, graceful stop. */
@Singleton
public final class HttpServer {
    private static final Logger ACCESS = LoggerFactory.getLogger("access");

    private final HttpConfig config;
    private final List<Router.Route> routes;
    private final OpenApi openApi;
    private final Dispatcher dispatcher;
    private final HttpMetrics metrics;
    private final java.util.concurrent.atomic.AtomicInteger publishWaiting =
            new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger publishRunning =
            new java.util.concurrent.atomic.AtomicInteger();
    private Undertow undertow;
    private GracefulShutdownHandler graceful;

    @Inject
    HttpServer(
            HttpConfig config,
            Set<Routes> areas,
            AuthenticateUseCase authenticate,
            IdempotencyUseCase idempotency,
            HttpMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        metrics.publishQueue(publishWaiting::get, publishRunning::get);
        var router = new Router();
        areas.stream().sorted(Comparator.comparing(a -> a.getClass().getName())).forEach(a -> a.register(router));
        this.openApi = OpenApi.assemble(areas);
        router.publicGet("/openapi.json", request -> new Response(200, openApi.bytes(), "application/json"));
        this.routes = router.routes();
        this.dispatcher = new Dispatcher(
                authenticate,
                idempotency,
                config.maxBodyBytes(),
                new RateLimit(config.rateLimitPerKey(), config.rateLimitBurst(), System::nanoTime));
    }

    public List<Router.Route> routes() {
        return routes;
    }

    public OpenApi openApi() {
        return openApi;
    }

    public synchronized void start() {
        var routing = new RoutingHandler()
                .setFallbackHandler(exchange -> Dispatcher.write(
                        exchange,
                        problem(
                                404,
                                "not-found",
                                "Not found",
                                "no route " + exchange.getRequestMethod() + " " + exchange.getRequestPath())))
                .setInvalidMethodHandler(exchange -> Dispatcher.write(
                        exchange,
                        problem(
                                405,
                                "method-not-allowed",
                                "Method not allowed",
                                exchange.getRequestMethod() + " is not supported on " + exchange.getRequestPath())));
        // one queue for every queued route: they share the rows and the CPU they wait for. Beyond its
        // limit a request is refused at once, rather than waiting longer than its client would
        var turns = new RequestLimit(config.queuedConcurrency(), config.queueLimit());
        turns.setFailureHandler(exchange -> {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
            Dispatcher.write(
                    exchange,
                    problem(
                            503,
                            "busy",
                            "Busy",
                            config.queueLimit() + " requests already wait their turn here; send it again in a moment"));
        });
        for (Router.Route route : routes) {
            HttpHandler handler = dispatcher.handlerFor(route);
            routing.add(
                    route.method(),
                    route.template(),
                    route.queued() ? queued(new RequestLimitingHandler(turns, running(handler))) : handler);
        }
        graceful = new GracefulShutdownHandler(accessLogged(new BlockingHandler(routing), metrics));
        undertow = Undertow.builder()
                .addHttpListener(config.port(), config.host())
                .setWorkerThreads(config.workerThreads())
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, Long.MAX_VALUE)
                .setServerOption(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, true)
                .setHandler(graceful)
                .build();
        undertow.start();
    }

    public int port() {
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** Stops taking requests, lets the ones in flight finish (up to the timeout), then closes. */
    public synchronized void stop(long timeoutMillis) {
        if (undertow == null) {
            return;
        }
        graceful.shutdown();
        try {
            graceful.awaitShutdown(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        undertow.stop();
        undertow = null;
    }

    /** Counts a queued request as waiting from its arrival until it gets its turn (or is refused). */
    private HttpHandler queued(HttpHandler limited) {
        return exchange -> {
            publishWaiting.incrementAndGet();
            var turnTaken = new java.util.concurrent.atomic.AtomicBoolean();
            exchange.putAttachment(TURN, turnTaken);
            exchange.addExchangeCompleteListener((done, nextListener) -> {
                if (turnTaken.compareAndSet(false, true)) {
                    publishWaiting.decrementAndGet();
                }
                nextListener.proceed();
            });
            limited.handleRequest(exchange);
        };
    }

    private HttpHandler running(HttpHandler handler) {
        return exchange -> {
            if (exchange.getAttachment(TURN).compareAndSet(false, true)) {
                publishWaiting.decrementAndGet();
            }
            publishRunning.incrementAndGet();
            try {
                handler.handleRequest(exchange);
            } finally {
                publishRunning.decrementAndGet();
            }
        };
    }

    private static final io.undertow.util.AttachmentKey<java.util.concurrent.atomic.AtomicBoolean> TURN =
            io.undertow.util.AttachmentKey.create(java.util.concurrent.atomic.AtomicBoolean.class);

    private static HttpHandler accessLogged(HttpHandler next, HttpMetrics metrics) {
        return exchange -> {
            long started = System.nanoTime();
            exchange.addExchangeCompleteListener((done, nextListener) -> {
                long nanos = System.nanoTime() - started;
                String route = done.getAttachment(Dispatcher.ROUTE);
                metrics.requestCompleted(
                        done.getRequestMethod().toString(),
                        route == null ? "unmatched" : route,
                        done.getStatusCode(),
                        nanos);
                long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
                ACCESS.atInfo()
                        .setMessage("{} {} {} {}ms client={}")
                        .addArgument(done.getRequestMethod())
                        .addArgument(done.getRequestPath())
                        .addArgument(done.getStatusCode())
                        .addArgument(millis)
                        .addArgument(who(done))
                        .addKeyValue("method", done.getRequestMethod().toString())
                        .addKeyValue("route", route == null ? "unmatched" : route)
                        .addKeyValue("status", done.getStatusCode())
                        .addKeyValue("ms", millis)
                        .log();
                nextListener.proceed();
            });
            next.handleRequest(exchange);
        };
    }

    private static String who(HttpServerExchange exchange) {
        Caller caller = exchange.getAttachment(Dispatcher.CALLER);
        return switch (caller) {
            case null -> "-";
            case Caller.Admin admin -> "admin";
            case Caller.OfClient client -> client.client().toString();
        };
    }

    private static StoredResponse problem(int status, String slug, String title, String detail) {
        return new StoredResponse(status, Problem.CONTENT_TYPE, Json.write(Problem.of(status, slug, title, detail)));
    }
}
