package io.columnline.adapters.http.shared;

/** A status and a body that is written as JSON ({@code null} means no body). */
public record Response(int status, Object body, String contentType) {
    public static Response ok(Object body) {
        return new Response(200, body, "application/json");
    }

    public static Response created(Object body) {
        return new Response(201, body, "application/json");
    }

    public static Response noContent() {
        return new Response(204, null, null);
    }

    public static Response of(int status, Object body) {
        return new Response(status, body, "application/json");
    }

    /** A 302 to {@code location} (a path on this server), with no body. */
    public static Response redirect(String location) {
        return new Response(302, new Redirect(location), null);
    }

    /** The body of a redirect: where to, sent as {@code Location}. */
    record Redirect(String location) {}

    /**
     * A body written while it is produced (chunked), for answers too large to hold in memory; the
     * headers (e.g. Content-Disposition) go out before the first byte.
     */
    public static Response streamed(String contentType, java.util.Map<String, String> headers, Streamed.Body body) {
        return new Response(200, new Streamed(headers, body), contentType);
    }
}
