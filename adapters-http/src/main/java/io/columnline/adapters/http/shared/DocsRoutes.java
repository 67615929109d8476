package io.columnline.adapters.http.shared;

import io.columnline.domain.error.NotFound;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /docs}: Swagger UI reading {@code /openapi.json}, served from its Maven Central webjar
 * inside the jar, so the explorer works with no network. Only the files the page needs are served.
 */
final class DocsRoutes implements Routes {
    private static final Map<String, String> FILES = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8");

    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Columnline API</title>
              <link rel="stylesheet" href="/docs/swagger-ui.css">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/docs/swagger-ui-bundle.js"></script>
              <script src="/docs/swagger-ui-standalone-preset.js"></script>
              <script>
                window.ui = SwaggerUIBundle({
                  url: "/openapi.json",
                  dom_id: "#swagger-ui",
                  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                  layout: "StandaloneLayout"
                });
              </script>
            </body>
            </html>
            """;

    private final String folder;
    /** Read from the jar once, on first request: the bundle is 1.4 MB. */
    private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

    @Inject
    DocsRoutes() {
        this.folder =
                "META-INF/resources/webjars/swagger-ui/" + JarFiles.webjarVersion("org.webjars", "swagger-ui") + "/";
    }

    @Override
    public void register(Router router) {
        router.publicGet(
                "/docs", r -> new Response(200, PAGE.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8"));
        router.publicGet("/docs/{file}", r -> {
            String file = r.path("file");
            String type = FILES.get(file);
            if (type == null) {
                throw new NotFound("docs file", file);
            }
            return new Response(200, loaded.computeIfAbsent(file, f -> JarFiles.read(folder + f)), type);
        });
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/docs.json");
    }
}
