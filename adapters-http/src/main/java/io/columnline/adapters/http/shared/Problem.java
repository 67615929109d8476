package io.columnline.adapters.http.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.columnline.domain.error.Conflict;
import io.columnline.domain.error.DomainException;
import io.columnline.domain.error.Forbidden;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.error.Unauthenticated;
import io.columnline.domain.error.Unavailable;
import io.columnline.domain.error.Violation;
import java.util.List;

/** RFC 9457 problem details; {@code errors} lists every invalid field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String BASE = "https://columnline.io/problems/";

    public record FieldError(String field, String message) {}

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(BASE + slug, title, status, detail, null);
    }

    static Problem from(Throwable error) {
        return switch (error) {
            case Invalid invalid ->
                new Problem(
                        BASE + "validation",
                        "The request is invalid",
                        422,
                        invalid.getMessage(),
                        invalid.violations().stream().map(Problem::field).toList());
            case NotFound e -> of(404, "not-found", "Not found", e.getMessage());
            case Conflict e -> of(409, "conflict", "Conflict", e.getMessage());
            case Unauthenticated e -> of(401, "unauthenticated", "Missing or invalid API key", e.getMessage());
            case Forbidden e -> of(403, "forbidden", "Not allowed for this key", e.getMessage());
            case Unavailable e -> of(503, "unavailable", "Not available yet", e.getMessage());
            case MalformedBody e -> of(400, "malformed-body", "The body could not be read", e.getMessage());
            case BodyTooLarge e -> of(413, "body-too-large", "The body is too large", e.getMessage());
            case RateLimited e -> of(429, "rate-limited", "Too many requests for this key", e.getMessage());
            case DomainException e -> of(400, "bad-request", "Bad request", e.getMessage());
            default -> of(500, "internal", "Internal error", "an unexpected error happened; it has been logged");
        };
    }

    private static FieldError field(Violation v) {
        return new FieldError(v.field(), v.message());
    }
}
