package io.columnline.adapters.http.shared;

import java.util.ArrayList;
import java.util.List;

/** Collects the routes of every area; the server and the OpenAPI test both read the same list. */
public final class Router {
    /**
     * One route. {@code maxBodyBytes} 0 means the configured default; a streaming route gets its
     * body as a stream instead of bytes and is not replayed by {@code Idempotency-Key}. Requests of
     * the queued routes run a few at a time ({@link HttpConfig#queuedConcurrency()}), the others
     * waiting in arrival order.
     */
    public record Route(
            String method,
            String template,
            boolean authenticated,
            long maxBodyBytes,
            boolean streaming,
            boolean queued,
            Endpoint endpoint) {}

    private final List<Route> routes = new ArrayList<>();

    public Router get(String template, Endpoint endpoint) {
        return add("GET", template, endpoint);
    }

    public Router post(String template, Endpoint endpoint) {
        return add("POST", template, endpoint);
    }

    public Router put(String template, Endpoint endpoint) {
        return add("PUT", template, endpoint);
    }

    public Router patch(String template, Endpoint endpoint) {
        return add("PATCH", template, endpoint);
    }

    public Router delete(String template, Endpoint endpoint) {
        return add("DELETE", template, endpoint);
    }

    public Router publicGet(String template, Endpoint endpoint) {
        routes.add(new Route("GET", template, false, 0, false, false, endpoint));
        return this;
    }

    /** A POST whose (large) body the endpoint reads as a stream, up to {@code maxBodyBytes}. */
    public Router postStream(String template, long maxBodyBytes, Endpoint endpoint) {
        routes.add(new Route("POST", template, true, maxBodyBytes, true, false, endpoint));
        return this;
    }

    /**
     * A POST whose requests take turns: long transactions on a few rows that every request of a
     * client shares (publishing). Run all at once, they wait for each other's locks and for the
     * CPU in whatever order those come free, and the unlucky ones wait many times over; in turns,
     * each waits once, for the ones that came before it.
     */
    public Router postQueued(String template, Endpoint endpoint) {
        routes.add(new Route("POST", template, true, 0, false, true, endpoint));
        return this;
    }

    private Router add(String method, String template, Endpoint endpoint) {
        routes.add(new Route(method, template, true, 0, false, false, endpoint));
        return this;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }
}
