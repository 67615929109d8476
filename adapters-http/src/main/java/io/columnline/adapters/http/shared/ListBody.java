package io.columnline.adapters.http.shared;

import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import java.util.List;
import java.util.function.Function;

/** Every list answers {@code {data, next_cursor}} so Make.com iterators and pagination work. */
public record ListBody<T>(List<T> data, String nextCursor) {
    public static <D, T> ListBody<T> of(Page<D> page, Function<D, T> render) {
        return new ListBody<>(
                page.items().stream().map(render).toList(),
                page.next().map(Cursor::encode).orElse(null));
    }

    public static <T> ListBody<T> all(List<T> items) {
        return new ListBody<>(items, null);
    }
}
