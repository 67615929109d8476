package io.columnline.app.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.adapters.http.Router;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every prompt and section-definition route is described in /openapi.json, and the document is valid. */
class PromptsOpenApiTest {
  private static PromptsTestServer server;

  @BeforeAll
  static void start() {
    server = PromptsTestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void every_route_of_these_areas_is_in_the_document() {
    var paths = server.http().openApi().document().get("paths");
    var routes = server.http().routes().stream()
        .filter(r -> r.template().startsWith("/api/v1/prompts") || r.template().startsWith("/api/v1/section-definitions"))
        .toList();
    assertThat(routes).hasSize(9);
    for (Router.Route route : routes) {
      assertThat(paths.path(route.template()).has(route.method().toLowerCase(Locale.ROOT)))
          .as(route.method() + " " + route.template())
          .isTrue();
    }
  }

  @Test
  void the_served_document_is_valid_openapi() {
    var answer = server.get("/openapi.json", server.adminKey);
    var result = new OpenAPIV3Parser().readContents(answer.body());
    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getPaths()).containsKeys("/api/v1/prompts/{key}/render", "/api/v1/section-definitions/{key}");
  }
}
