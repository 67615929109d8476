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
    void every_operation_has_a_unique_id_a_summary_and_its_area_s_tag_and_the_document_says_where_and_who() {
        JsonNode document = APP.get("/openapi.json", null).json();
        assertThat(document.path("servers").isEmpty()).isFalse();
        assertThat(document.path("info").path("contact").isObject()).isTrue();
        Set<String> declared = new TreeSet<>();
        Set<String> operationIds = new TreeSet<>();
        document.path("tags").forEach(tag -> declared.add(tag.path("name").asText()));
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            var path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                var op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String name = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                assertThat(op.getValue().path("summary").asText())
                        .as(name + " has a summary")
                        .isNotBlank();
                assertThat(op.getValue().path("tags").isEmpty())
                        .as(name + " has a tag")
                        .isFalse();
                String operationId = op.getValue().path("operationId").asText();
                assertThat(operationId)
                        .as(name + " has an operationId: a verb and a noun in camelCase, e.g. logStep")
                        .matches("[a-z]+[A-Z][A-Za-z]*");
                assertThat(operationIds.add(operationId))
                        .as(name + "'s operationId " + operationId + " is unique")
                        .isTrue();
                op.getValue()
                        .path("tags")
                        .forEach(tag -> assertThat(declared)
                                .as(name + "'s tag is declared at the top")
                                .contains(tag.asText()));
            }
        }
        assertThat(document.at("/paths/~1api~1v1~1runs/post/tags/0").asText()).isEqualTo("tracking");
        assertThat(document.at("/paths/~1api~1v1~1runs~1{id}~1publish/post/tags/0")
                        .asText())
                .isEqualTo("publishing");
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
