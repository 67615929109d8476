package io.columnline.adapters.http.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.shared.IdempotencyRecords.Claim;
import io.columnline.application.shared.IdempotencyRecords.StoredResponse;
import io.columnline.application.shared.IdempotencyUseCase;
import io.columnline.domain.access.ApiKeyId;
import io.columnline.domain.access.Caller;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests of a queued route (publishing) run at most {@link HttpConfig#queuedConcurrency()} at a
 * time on the real Undertow server; up to {@link HttpConfig#queueLimit()} more wait, and other
 * routes go on. One more than that is refused at once with 503 and Retry-After.
 */
class QueuedRoutesTest {
    private static final int AT_ONCE = 2;
    private static final int WAITING = 4;
    private static final int SENT = AT_ONCE + WAITING;

    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch firstIn = new CountDownLatch(AT_ONCE);
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private HttpServer server;
    private final Recorded metrics = new Recorded();

    @BeforeEach
    void start() {
        Routes area = new Routes() {
            @Override
            public void register(Router router) {
                router.postQueued("/slow", r -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    firstIn.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        running.decrementAndGet();
                    }
                    return Response.ok(Map.of("done", true));
                });
                router.post("/fast", r -> Response.ok(Map.of("done", true)));
            }

            @Override
            public Optional<String> openApiFragment() {
                return Optional.empty();
            }
        };
        server = new HttpServer(
                new HttpConfig("127.0.0.1", 0, 64 * 1024, 8, AT_ONCE, WAITING),
                Set.of(area),
                secret -> new Caller.Admin(ApiKeyId.random()),
                new NoIdempotency(),
                metrics);
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(5_000);
    }

    @Test
    void a_queued_route_runs_its_requests_a_few_at_a_time_and_holds_up_no_other_route() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
        for (int i = 0; i < SENT; i++) {
            slow.add(http.sendAsync(post("/slow"), HttpResponse.BodyHandlers.ofString()));
        }
        assertThat(firstIn.await(30, TimeUnit.SECONDS)).isTrue();

        // the places are taken and four requests wait: another route still answers
        HttpResponse<String> fast = http.send(post("/fast"), HttpResponse.BodyHandlers.ofString());
        assertThat(fast.statusCode()).isEqualTo(200);
        assertThat(slow).noneMatch(CompletableFuture::isDone);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (metrics.waiting.getAsInt() < WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(metrics.waiting.getAsInt()).isEqualTo(WAITING);
        assertThat(metrics.running.getAsInt()).isEqualTo(AT_ONCE);

        release.countDown();
        for (var answer : slow) {
            assertThat(answer.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(mostAtOnce.get()).isEqualTo(AT_ONCE);
        // the server reports a request once its answer is sent, just after the client has it
        long reported = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (metrics.routes.stream().filter("POST /slow 200"::equals).count() < SENT
                && System.nanoTime() < reported) {
            Thread.onSpinWait();
        }
        assertThat(metrics.routes).contains("POST /slow 200", "POST /fast 200");
        assertThat(metrics.waiting.getAsInt()).isZero();
    }

    @Test
    void one_more_than_the_queue_holds_is_refused_at_once_with_a_problem() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
        for (int i = 0; i < SENT + 1; i++) {
            slow.add(http.sendAsync(post("/slow"), HttpResponse.BodyHandlers.ofString()));
        }
        // nothing can succeed before the release: the first answer is the refusal
        CompletableFuture.anyOf(slow.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        release.countDown();

        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> refused = null;
        for (var answer : slow) {
            HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
            statuses.add(response.statusCode());
            if (response.statusCode() == 503) {
                refused = response;
            }
        }
        assertThat(statuses).containsOnly(200, 503).filteredOn(s -> s == 503).hasSize(1);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"status\":503").contains("wait their turn");
        assertThat(mostAtOnce.get()).isEqualTo(AT_ONCE);
    }

    private HttpRequest post(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer any")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
    }

    /** Keeps what the server reports: finished requests by route, and the publish queue's counts. */
    private static final class Recorded implements HttpMetrics {
        final java.util.Queue<String> routes = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.function.IntSupplier waiting;
        java.util.function.IntSupplier running;

        @Override
        public void requestCompleted(String method, String routeTemplate, int status, long nanos) {
            routes.add(method + " " + routeTemplate + " " + status);
        }

        @Override
        public void publishQueue(java.util.function.IntSupplier waiting, java.util.function.IntSupplier running) {
            this.waiting = waiting;
            this.running = running;
        }

        @Override
        public String scrape() {
            return String.join("\n", routes);
        }

        @Override
        public boolean open() {
            return false;
        }
    }

    /** Never asked: the requests carry no Idempotency-Key. */
    private static final class NoIdempotency implements IdempotencyUseCase {
        @Override
        public Claim claim(Caller caller, String key, String fingerprint) {
            throw new AssertionError("no Idempotency-Key was sent");
        }

        @Override
        public void complete(Caller caller, String key, StoredResponse response) {
            throw new AssertionError("no Idempotency-Key was sent");
        }

        @Override
        public <T> T answer(
                Caller caller,
                String key,
                java.util.function.Supplier<T> work,
                java.util.function.Function<T, StoredResponse> stored) {
            throw new AssertionError("no Idempotency-Key was sent");
        }

        @Override
        public void release(Caller caller, String key) {
            throw new AssertionError("no Idempotency-Key was sent");
        }

        @Override
        public int purgeExpired() {
            return 0;
        }
    }
}
