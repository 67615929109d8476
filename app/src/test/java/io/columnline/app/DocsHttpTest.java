package io.columnline.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The API explorer is served from the jar, reads /openapi.json, and serves nothing else. */
class DocsHttpTest {
    @RegisterExtension
    static final TestApp APP = new TestApp();

    @Test
    void the_explorer_page_loads_swagger_ui_from_the_jar_and_reads_this_api() {
        var page = APP.get("/docs", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("url: \"/openapi.json\"").contains("/docs/swagger-ui-bundle.js");
        assertThat(page.body()).doesNotContain("http://").doesNotContain("https://");

        var bundle = APP.get("/docs/swagger-ui-bundle.js", null);
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.contentType()).startsWith("text/javascript");
        assertThat(bundle.body()).hasSizeGreaterThan(100_000).contains("SwaggerUIBundle");
        assertThat(APP.get("/docs/swagger-ui.css", null).contentType()).startsWith("text/css");
        assertThat(APP.get("/docs/swagger-ui-standalone-preset.js", null).status())
                .isEqualTo(200);
    }

    @Test
    void only_the_explorer_s_own_files_are_served() {
        for (String file : new String[] {"index.html", "swagger-initializer.js", "..%2F..%2Fpom.properties", "x"}) {
            var reply = APP.get("/docs/" + file, null);
            assertThat(reply.status()).as(file).isEqualTo(404);
            assertThat(reply.isProblem()).isTrue();
        }
    }
}
