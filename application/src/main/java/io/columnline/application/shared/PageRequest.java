package io.columnline.application.shared;

import io.columnline.domain.error.Invalid;
import java.util.Optional;

/** {@code ?limit=} (default 50, at most 500) and an opaque cursor from a previous page. */
public record PageRequest(int limit, Optional<Cursor> cursor) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new Invalid("limit", "must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }

    public static PageRequest of(Integer limit, String cursor) {
        return new PageRequest(
                limit == null ? DEFAULT_LIMIT : limit,
                cursor == null || cursor.isBlank() ? Optional.empty() : Optional.of(Cursor.decode(cursor)));
    }
}
