package io.columnline.adapters.http.shared;

import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.access.Caller;
import io.columnline.domain.error.Invalid;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Deque;
import java.util.Optional;
import java.util.UUID;

/** What a handler may read from a request: the caller, path and query parameters, the body. */
public final class Request {
    private final HttpServerExchange exchange;
    private final Caller caller;
    private final byte[] body;
    private final long maxBodyBytes;
    private JsonNode json;

    Request(HttpServerExchange exchange, Caller caller, byte[] body, long maxBodyBytes) {
        this.exchange = exchange;
        this.caller = caller;
        this.body = body;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The body of a streaming route, cut off with 413 once it passes the route's limit. */
    public java.io.InputStream bodyStream() {
        return new LimitedInputStream(exchange.getInputStream(), maxBodyBytes);
    }

    /** The authenticated caller; public routes have none and must not ask. */
    public Caller caller() {
        if (caller == null) {
            throw new IllegalStateException("this route is public and has no caller");
        }
        return caller;
    }

    public String path(String name) {
        PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
        String value = match == null ? null : match.getParameters().get(name);
        if (value == null) {
            throw new IllegalStateException("route has no path parameter " + name);
        }
        return value;
    }

    public UUID pathId(String name, String what) {
        return uuid(path(name), what);
    }

    public Optional<String> query(String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null || values.isEmpty() || values.peekFirst().isEmpty()
                ? Optional.empty()
                : Optional.of(values.peekFirst());
    }

    /** Every query parameter with its first value. */
    public java.util.Map<String, String> queryParameters() {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>();
        exchange.getQueryParameters().forEach((name, values) -> {
            if (!values.isEmpty()) {
                all.put(name, values.peekFirst());
            }
        });
        return all;
    }

    public Optional<Instant> queryInstant(String name) {
        return query(name).map(value -> {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new Invalid(name, "must be an ISO-8601 UTC time such as 2026-11-22T10:00:00Z");
            }
        });
    }

    public Optional<Boolean> queryBoolean(String name) {
        return query(name).map(value -> switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new Invalid(name, "must be true or false");
        });
    }

    public PageRequest page() {
        Integer limit = query("limit")
                .map(value -> {
                    try {
                        return Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new Invalid("limit", "must be a whole number between 1 and " + PageRequest.MAX_LIMIT);
                    }
                })
                .orElse(null);
        return PageRequest.of(limit, query("cursor").orElse(null));
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    public byte[] bodyBytes() {
        return body;
    }

    public JsonNode json() {
        if (json == null) {
            json = Json.tree(body);
        }
        return json;
    }

    /** The body bound to a request record; an empty body binds as {@code {}} where that is allowed. */
    public <T> T body(Class<T> type) {
        if (json == null && body.length > 0) {
            // bound straight from the bytes in one pass; a body that does not bind is read again as a
            // tree below, so that every refusal names its problem exactly as before
            T bound = Json.bindBytes(body, type);
            if (bound != null) {
                return bound;
            }
        }
        return Json.bind(json(), type);
    }

    public <T> T bodyOrEmpty(Class<T> type) {
        return Json.bind(body.length == 0 ? Json.object() : json(), type);
    }

    public static UUID uuid(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new io.columnline.domain.error.NotFound(what, value);
        }
    }
}
