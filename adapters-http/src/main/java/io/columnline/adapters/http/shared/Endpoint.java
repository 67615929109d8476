package io.columnline.adapters.http.shared;

/** Parse, call the use case, render: nothing else belongs in an endpoint. */
@FunctionalInterface
public interface Endpoint {
    Response handle(Request request);
}
