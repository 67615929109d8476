package io.columnline.adapters.http.shared;

import io.columnline.domain.error.NotFound;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /console/}: the operator console, plain ES modules and CSS from inside the jar that call
 * the public {@code /api/v1} API with the key the person typed (kept in the browser's session
 * storage); {@code /} redirects here. Its charts are uPlot's, from the Maven Central webjar. Only the
 * files named here are served.
 */
final class ConsoleRoutes implements Routes {
    private static final String JS = "text/javascript; charset=utf-8";
    private static final String CSS = "text/css; charset=utf-8";
    private static final Map<String, String> FILES = Map.ofEntries(
            Map.entry("index.html", "text/html; charset=utf-8"),
            Map.entry("console.css", CSS),
            Map.entry("favicon.svg", "image/svg+xml"),
            Map.entry("api.js", JS),
            Map.entry("app.js", JS),
            Map.entry("ui.js", JS),
            Map.entry("runs.js", JS),
            Map.entry("run.js", JS),
            Map.entry("costs.js", JS),
            Map.entry("dossiers.js", JS),
            Map.entry("batches.js", JS),
            Map.entry("prompts.js", JS),
            Map.entry("imports.js", JS));
    private static final Map<String, String> CHART_FILES = Map.of("uPlot.iife.min.js", JS, "uPlot.min.css", CSS);

    private final String chartFolder;
    private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

    @Inject
    ConsoleRoutes() {
        this.chartFolder =
                "META-INF/resources/webjars/uplot/" + JarFiles.webjarVersion("org.webjars.npm", "uplot") + "/dist/";
    }

    @Override
    public void register(Router router) {
        router.publicGet("/", r -> Response.redirect("/console/"));
        router.publicGet("/console", r -> Response.redirect("/console/"));
        router.publicGet("/console/", r -> file("index.html"));
        router.publicGet("/favicon.ico", r -> file("favicon.svg"));
        router.publicGet("/console/{file}", r -> file(r.path("file")));
        router.publicGet("/console/uplot/{file}", r -> {
            String name = r.path("file");
            String type = CHART_FILES.get(name);
            if (type == null) {
                throw new NotFound("console file", "uplot/" + name);
            }
            return new Response(
                    200, loaded.computeIfAbsent("uplot/" + name, f -> JarFiles.read(chartFolder + name)), type);
        });
    }

    private Response file(String name) {
        String type = FILES.get(name);
        if (type == null) {
            throw new NotFound("console file", name);
        }
        return new Response(200, loaded.computeIfAbsent(name, f -> JarFiles.read("console/" + f)), type);
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/console.json");
    }
}
