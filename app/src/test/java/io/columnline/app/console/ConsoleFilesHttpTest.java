package io.columnline.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.app.TestApp;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's files come from the jar, name no other host, and call only the public API; {@code /}
 * redirects to it. Its browser behaviour is {@link ConsoleBrowserTest}'s.
 */
class ConsoleFilesHttpTest {
    @RegisterExtension
    static final TestApp APP = new TestApp();

    private static final List<String> SCRIPTS = List.of(
            "api.js",
            "app.js",
            "ui.js",
            "runs.js",
            "run.js",
            "costs.js",
            "dossiers.js",
            "batches.js",
            "prompts.js",
            "imports.js");

    @Test
    void the_root_redirects_to_the_console_served_from_the_jar() {
        var root = APP.get("/", null);
        assertThat(root.status()).isEqualTo(302);
        assertThat(root.headers().get("location")).containsExactly("/console/");
        assertThat(APP.get("/console", null).headers().get("location")).containsExactly("/console/");

        var page = APP.get("/console/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("/console/app.js").contains("/console/favicon.svg");
        assertThat(APP.get("/favicon.ico", null).contentType()).isEqualTo("image/svg+xml");
        assertThat(APP.get("/console/console.css", null).contentType()).startsWith("text/css");
        var chart = APP.get("/console/uplot/uPlot.iife.min.js", null);
        assertThat(chart.status()).isEqualTo(200);
        assertThat(chart.body()).contains("uPlot");
        assertThat(APP.get("/console/uplot/uPlot.min.css", null).status()).isEqualTo(200);
    }

    @Test
    void the_scripts_name_no_other_host_and_call_only_the_public_api() {
        Pattern path = Pattern.compile("['`\"](/[a-zA-Z][a-zA-Z0-9_./-]*)");
        for (String script : SCRIPTS) {
            var file = APP.get("/console/" + script, null);
            assertThat(file.status()).as(script).isEqualTo(200);
            assertThat(file.contentType()).as(script).startsWith("text/javascript");
            assertThat(file.body()).as(script).doesNotContain("http://").doesNotContain("https://");
            assertThat(file.body()).as(script).doesNotContain("document.cookie").doesNotContain("localStorage");
            Matcher m = path.matcher(file.body());
            while (m.find()) {
                assertThat(m.group(1)).as(script).matches("/(api/v1(/.*)?|console/.*)");
            }
        }
    }

    @Test
    void only_the_console_s_own_files_are_served() {
        for (String file : new String[] {"x.js", "..%2Fopenapi%2Fruns.json", "uplot/uPlot.esm.js", "uplot/x"}) {
            var reply = APP.get("/console/" + file, null);
            assertThat(reply.status()).as(file).isEqualTo(404);
            assertThat(reply.isProblem()).isTrue();
        }
    }
}
