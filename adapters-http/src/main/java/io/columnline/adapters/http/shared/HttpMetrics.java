package io.columnline.adapters.http.shared;

import java.util.function.IntSupplier;

/**
 * What the server reports about itself, and the text {@code GET /metrics} answers: the app binds
 * it to its metrics registry, so this adapter names no metrics library.
 */
public interface HttpMetrics {
    /** One finished request, by its route template (never its raw path). */
    void requestCompleted(String method, String routeTemplate, int status, long nanos);

    /** The publish routes' turns: requests waiting for one and requests holding one. */
    void publishQueue(IntSupplier waiting, IntSupplier running);

    /** Every metric in the Prometheus text format. */
    String scrape();

    /** Whether {@code /metrics} answers without a key (COLUMNLINE_METRICS_OPEN=true). */
    boolean open();
}
