package io.columnline.adapters.http.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** A response body written to the connection as it is produced; never stored for replay. */
public record Streamed(Map<String, String> headers, Body body) {
    public Streamed {
        headers = Map.copyOf(headers);
    }

    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }
}
