package io.columnline.domain.event;

import io.columnline.domain.client.ClientId;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.json.JsonDocument;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of the append-only events log: what happened ({@code kind}), on which server process
 * ({@code instance}), when, and the details. A client's event names the client; the system's own
 * events name none. {@code id} grows with every event appended (0 before it is).
 */
public record SystemEvent(
        long id, Optional<ClientId> client, String kind, String instance, Instant at, JsonDocument detail) {
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*){0,4}");
    public static final int MAX_KIND_LENGTH = 100;

    public static final String SERVE_STARTED = "serve.started";
    public static final String SERVE_STOPPING = "serve.stopping";
    public static final String MIGRATIONS_APPLIED = "migrations.applied";
    public static final String WEBHOOK_GIVEN_UP = "webhook.given_up";
    public static final String IMPORT_FINISHED = "import.finished";
    public static final String SOURCE_FAILED = "source.failed";

    public SystemEvent {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detail, "detail");
        checkKind(kind);
    }

    /** Lower-case words joined by dots, such as {@code serve.started} or {@code research.done}. */
    public static String checkKind(String kind) {
        if (kind == null
                || kind.length() > MAX_KIND_LENGTH
                || !KIND.matcher(kind).matches()) {
            throw new Invalid(
                    "kind",
                    "must be lower-case words (letters, digits, '_') joined by dots, such as research.done, up to "
                            + MAX_KIND_LENGTH + " characters");
        }
        return kind;
    }
}
