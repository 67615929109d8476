package io.columnline.adapters.http.shared;

import io.columnline.application.shared.IdempotencyRecords.Claim;
import io.columnline.application.shared.IdempotencyRecords.StoredResponse;
import io.columnline.application.shared.IdempotencyUseCase;
import io.columnline.application.tenancy.port.in.AuthenticateUseCase;
import io.columnline.domain.access.Caller;
import io.columnline.domain.error.Conflict;
import io.columnline.domain.error.DomainException;
import io.columnline.domain.error.Invalid;
import io.undertow.io.AsyncSenderImpl;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one route: authenticate, read the body within its limit, honour {@code Idempotency-Key} on
 * POST, call the endpoint, and turn whatever it throws into problem+json.
 */
final class Dispatcher {
    static final AttachmentKey<Caller> CALLER = AttachmentKey.create(Caller.class);
    /** The template of the route a request matched, for metrics by route rather than by raw path. */
    static final AttachmentKey<String> ROUTE = AttachmentKey.create(String.class);

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final HttpString IDEMPOTENCY_KEY = HttpString.tryFromString("Idempotency-Key");
    private static final HttpString REPLAYED = HttpString.tryFromString("Idempotent-Replayed");
    private static final HttpString API_KEY = HttpString.tryFromString("X-API-Key");

    private final AuthenticateUseCase authenticate;
    private final IdempotencyUseCase idempotency;
    private final RateLimit rates;
    private final long defaultMaxBody;

    Dispatcher(AuthenticateUseCase authenticate, IdempotencyUseCase idempotency, long defaultMaxBody, RateLimit rates) {
        this.rates = rates;
        this.authenticate = authenticate;
        this.idempotency = idempotency;
        this.defaultMaxBody = defaultMaxBody;
    }

    HttpHandler handlerFor(Router.Route route) {
        return exchange -> {
            exchange.putAttachment(ROUTE, route.template());
            dispatch(route, exchange);
        };
    }

    private void dispatch(Router.Route route, HttpServerExchange exchange) {
        try {
            Caller caller = null;
            if (route.authenticated()) {
                caller = authenticate.authenticate(secret(exchange));
                exchange.putAttachment(CALLER, caller);
                long wait = rates.take(caller.keyId());
                if (wait > 0) {
                    exchange.getResponseHeaders().put(Headers.RETRY_AFTER, Long.toString(wait));
                    throw new RateLimited(wait);
                }
            }
            long limit = route.maxBodyBytes() > 0 ? route.maxBodyBytes() : defaultMaxBody;
            if (route.streaming()) {
                write(exchange, render(route.endpoint().handle(new Request(exchange, caller, new byte[0], limit))));
                return;
            }
            byte[] body = readBody(exchange, limit);
            Request request = new Request(exchange, caller, body, limit);
            String key = exchange.getRequestHeaders().getFirst(IDEMPOTENCY_KEY);
            if (key != null && caller != null && "POST".equals(route.method())) {
                replayable(route, exchange, request, caller, key);
            } else {
                Response response = route.endpoint().handle(request);
                if (response.body() instanceof Streamed streamed) {
                    stream(exchange, response.contentType(), streamed);
                } else if (response.body() instanceof Response.Redirect redirect) {
                    exchange.getResponseHeaders().put(Headers.LOCATION, redirect.location());
                    write(exchange, new StoredResponse(response.status(), null, new byte[0]));
                } else {
                    write(exchange, render(response));
                }
            }
        } catch (RuntimeException e) {
            write(exchange, problem(e));
        }
    }

    private void replayable(
            Router.Route route, HttpServerExchange exchange, Request request, Caller caller, String key) {
        Claim claim = idempotency.claim(caller, key, fingerprint(exchange, request.bodyBytes()));
        switch (claim) {
            case Claim.Replay replay -> {
                exchange.getResponseHeaders().put(REPLAYED, "true");
                write(exchange, replay.response());
            }
            case Claim.DifferentRequest different ->
                throw new Invalid(
                        "Idempotency-Key",
                        "was already used with a different request; use a new key for a new request");
            case Claim.InFlight inFlight ->
                throw new Conflict("a request with this Idempotency-Key is still being processed; retry in a moment");
            case Claim.Claimed claimed -> {
                StoredResponse response;
                try {
                    // the writes and the stored answer commit together: a kill in between leaves neither
                    response = idempotency
                            .answer(
                                    caller,
                                    key,
                                    () -> {
                                        Response answer = route.endpoint().handle(request);
                                        StoredResponse rendered = render(answer);
                                        StoredResponse stored = answer.body() instanceof ShownOnce secret
                                                ? render(new Response(
                                                        answer.status(), secret.replay(), answer.contentType()))
                                                : rendered;
                                        return new StoredResponse[] {rendered, stored};
                                    },
                                    answers -> answers[0].status() >= 500 ? null : answers[1])[0];
                } catch (RuntimeException e) {
                    response = problem(e);
                    if (response.status() >= 500) {
                        idempotency.release(caller, key);
                    } else {
                        idempotency.complete(caller, key, response);
                    }
                }
                write(exchange, response);
            }
        }
    }

    private static String secret(HttpServerExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return exchange.getRequestHeaders().getFirst(API_KEY);
    }

    private static byte[] readBody(HttpServerExchange exchange, long limit) {
        if (exchange.getRequestContentLength() > limit) {
            throw new BodyTooLarge(limit);
        }
        try (InputStream in = exchange.getInputStream()) {
            var out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > limit) {
                    throw new BodyTooLarge(limit);
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new MalformedBody("the body could not be read: " + e.getMessage());
        }
    }

    private static String fingerprint(HttpServerExchange exchange, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((exchange.getRequestMethod() + " " + exchange.getRequestPath() + "?"
                            + exchange.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes a streamed body. Once bytes are out the status cannot change, so a failure midway closes
     * the connection: the client sees a cut-off body, never one that looks complete.
     */
    private static void stream(HttpServerExchange exchange, String contentType, Streamed streamed) {
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        streamed.headers()
                .forEach((name, value) -> exchange.getResponseHeaders().put(HttpString.tryFromString(name), value));
        try {
            OutputStream out = exchange.getOutputStream();
            streamed.body().writeTo(out);
            out.close();
        } catch (IOException | RuntimeException e) {
            if (!exchange.isResponseStarted()) {
                write(exchange, problem(e));
                return;
            }
            LOG.warn("a streamed answer of {} broke off", exchange.getRequestPath(), e);
            org.xnio.IoUtils.safeClose(exchange.getConnection());
        }
    }

    static StoredResponse render(Response response) {
        if (response.body() == null) {
            return new StoredResponse(response.status(), null, new byte[0]);
        }
        if (response.body() instanceof Streamed) {
            throw new IllegalStateException("a streamed answer cannot be stored for Idempotency-Key replay");
        }
        if (response.body() instanceof byte[] raw) {
            return new StoredResponse(response.status(), response.contentType(), raw);
        }
        return new StoredResponse(response.status(), response.contentType(), Json.write(response.body()));
    }

    static StoredResponse problem(Throwable error) {
        if (!(error instanceof DomainException)
                && !(error instanceof MalformedBody)
                && !(error instanceof BodyTooLarge)
                && !(error instanceof RateLimited)) {
            LOG.error("unexpected error", error);
        }
        Problem problem = Problem.from(error);
        return new StoredResponse(problem.status(), Problem.CONTENT_TYPE, Json.write(problem));
    }

    static void write(HttpServerExchange exchange, StoredResponse response) {
        if (exchange.isResponseStarted()) {
            exchange.endExchange();
            return;
        }
        exchange.setStatusCode(response.status());
        if (response.contentType() != null) {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, response.contentType());
        }
        ByteBuffer body = ByteBuffer.wrap(response.body());
        if (exchange.isInIoThread() || !exchange.isRequestComplete()) {
            exchange.getResponseSender().send(body);
            return;
        }
        // The answer is sent, and the exchange completed, on the connection's I/O thread. Completed
        // on a worker thread, Undertow hands the connection back to its I/O thread through a
        // compare-and-set that the I/O thread spins on when the client's next request is already
        // there: on a loaded machine the worker is often descheduled in between, and the I/O
        // thread then spins for its whole time slice (profiled: most of the I/O threads' CPU). Only
        // once the request body is fully read, so that nothing here would block.
        exchange.dispatch(exchange.getIoThread(), io -> new AsyncSenderImpl(io).send(body));
    }
}
