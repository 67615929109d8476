package io.columnline.app.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.app.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 13's knowledge documents over real HTTP: pillars and the profile's documents, one model. */
class DocumentsHttpTest {
    @RegisterExtension
    static final TestApp APP = new TestApp();

    static String acme;
    static String other;

    @BeforeAll
    static void clients() {
        acme = APP.clientWithKey("acme-docs");
        other = APP.clientWithKey("other-docs");
    }

    static final String DOCS = "/api/v1/clients/acme-docs/documents/";

    @Test
    void a_pillar_keeps_every_version_and_two_versions_diff_as_a_unified_diff() {
        TestApp.Reply v1 =
                APP.put(DOCS + "p1", acme, "{\"name\": \"Vision\", \"content\": \"# Vision\\n\\nWe sell tea.\\n\"}");
        assertThat(v1.status()).as(v1.body()).isEqualTo(201);
        assertThat(APP.put(DOCS + "p1", acme, "{\"name\": \"Vision\", \"content\": \"# Vision\\n\\nWe sell tea.\\n\"}")
                        .status())
                .isEqualTo(200);
        TestApp.Reply v2 = APP.put(DOCS + "p1", acme, "{\"content\": \"# Vision\\n\\nWe sell chamomile tea.\\n\"}");
        assertThat(v2.json().get("version").asInt()).isEqualTo(2);
        assertThat(v2.json().get("name").asText()).isEqualTo("Vision");

        assertThat(APP.get(DOCS + "p1?version=1", acme).json().get("content").asText())
                .isEqualTo("# Vision\n\nWe sell tea.\n");
        assertThat(APP.get(DOCS + "p1", acme).json().get("version").asInt()).isEqualTo(2);
        assertThat(APP.get(DOCS + "p1/versions", acme).json().get("data")).hasSize(2);
        TestApp.Reply diff = APP.get(DOCS + "p1/diff?from=1&to=2", acme);
        assertThat(diff.contentType()).startsWith("text/x-diff");
        assertThat(diff.body())
                .contains("-We sell tea.\n+We sell chamomile tea.\n")
                .startsWith("--- p1.md (version 1)");

        assertThat(APP.get(DOCS + "p1?version=9", acme).status()).isEqualTo(404);
        assertThat(APP.get(DOCS + "p1/diff?from=1&to=9", acme).status()).isEqualTo(404);
        assertThat(APP.get(DOCS + "nothing", acme).status()).isEqualTo(404);
        assertThat(APP.put(DOCS + "Bad%20Key", acme, "{\"content\": \"x\"}").status())
                .isEqualTo(422);
        assertThat(APP.get(DOCS + "p1", other).status()).isEqualTo(404);
        assertThat(APP.put(DOCS + "p2", other, "{\"content\": \"x\"}").status()).isEqualTo(404);
    }

    @Test
    void the_profile_documents_are_documents_too_with_the_profiles_versions() {
        TestApp.Reply research = APP.put(DOCS + "industry_research", acme, "{\"content\": \"Tea is growing.\"}");
        assertThat(research.status()).as(research.body()).isEqualTo(201);
        TestApp.Reply icp = APP.put(DOCS + "icp_config", acme, "{\"content\": \"{\\\"size\\\": [10, 50]}\"}");
        assertThat(icp.status()).as(icp.body()).isEqualTo(201);
        assertThat(APP.put(DOCS + "icp_config", acme, "{\"content\": \"[1]\"}").status())
                .isEqualTo(422);

        JsonNode client = APP.get("/api/v1/clients/acme-docs", acme).json();
        assertThat(client.toString()).contains("Tea is growing.");
        JsonNode versions =
                APP.get(DOCS + "industry_research/versions", acme).json().get("data");
        assertThat(versions).hasSize(2);
        assertThat(APP.get(DOCS + "industry_research", acme)
                        .json()
                        .get("content")
                        .asText())
                .isEqualTo("Tea is growing.");
        JsonNode listed =
                APP.get("/api/v1/clients/acme-docs/documents", acme).json().get("data");
        assertThat(listed.toString()).contains("icp_config", "industry_research", "research_context");
    }
}
