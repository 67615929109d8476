package io.columnline.app.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.app.TestApp;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two servers on one PostgreSQL, each with its own index: what is ready through one is found through the other. */
class TwoInstancesSearchTest {
    @RegisterExtension
    @Order(1)
    static final TestApp FIRST = new TestApp();

    @RegisterExtension
    @Order(2)
    static final TestApp SECOND = new TestApp().sharingTheDatabaseOf(FIRST);

    @Test
    void a_source_ready_through_one_instance_is_found_through_the_other_at_once() {
        String key = FIRST.clientWithKey("two-instances");
        for (int round = 0; round < 3; round++) {
            String word = "zanzibar" + round;
            TestApp.Reply added = FIRST.send(FIRST.request("/api/v1/sources?wait=30&key=notes-" + round, key)
                    .setHeader("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("Meeting notes about the " + word + " expansion."))
                    .build());
            assertThat(added.json().get("status").asText()).isEqualTo("ready");
            TestApp.Reply found =
                    SECOND.post("/api/v1/search", key, "{\"query\":\"" + word + "\",\"mode\":\"lexical\"}");
            assertThat(found.status()).as(found.body()).isEqualTo(200);
            assertThat(found.json().get("data")).hasSize(1);
            assertThat(found.json().get("data").get(0).get("source_id").asText())
                    .isEqualTo(added.json().get("id").asText());
        }
        String id = FIRST.post("/api/v1/search", key, "{\"query\":\"zanzibar0\",\"mode\":\"lexical\"}")
                .json()
                .get("data")
                .get(0)
                .get("source_id")
                .asText();
        assertThat(SECOND.delete("/api/v1/sources/" + id, key).status()).isEqualTo(204);
        assertThat(FIRST.post("/api/v1/search", key, "{\"query\":\"zanzibar0\",\"mode\":\"lexical\"}")
                        .json()
                        .get("data"))
                .isEmpty();
    }
}
