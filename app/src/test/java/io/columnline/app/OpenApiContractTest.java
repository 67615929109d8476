package io.columnline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.adapters.http.shared.HttpServer;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /openapi.json describes exactly the routes the server has, and is a valid OpenAPI 3.1 document. */
class OpenApiContractTest {
    @RegisterExtension
    static final TestApp APP = new TestApp();

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void every_route_has_a_spec_entry_and_every_spec_entry_a_route() {
        HttpServer server = APP.component().httpServer().get();
        Set<String> routes = server.routes().stream()
                .map(r -> r.method().toUpperCase(Locale.ROOT) + " " + r.template())
                .collect(Collectors.toCollection(TreeSet::new));

        JsonNode document = APP.get("/openapi.json", null).json();
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            var path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method)) {
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        assertThat(documented).isEqualTo(routes);
    }

    @Test
    void the_document_is_valid_openapi_3_1() {
        var options = new ParseOptions();
        options.setResolve(true);
        var result =
                new OpenAPIParser().readContents(APP.get("/openapi.json", null).body(), null, options);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    }
}
