package io.columnline.adapters.http.shared;

import java.util.Optional;

/** One area of the API (clients, runs, …): registers its routes and names its OpenAPI fragment. */
public interface Routes {
    void register(Router router);

    /**
     * Classpath resource with this area's {@code paths} and {@code components}, merged into
     * {@code /openapi.json}.
     */
    Optional<String> openApiFragment();
}
