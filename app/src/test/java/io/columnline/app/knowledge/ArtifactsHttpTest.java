package io.columnline.app.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.app.TestApp;
import java.net.http.HttpRequest;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 13's artifacts over real HTTP: versions on change, text as text, bytes with their type. */
class ArtifactsHttpTest {
    @RegisterExtension
    static final TestApp APP = new TestApp();

    static String acme;
    static String other;

    @BeforeAll
    static void clients() {
        acme = APP.clientWithKey("acme-artifacts");
        other = APP.clientWithKey("other-artifacts");
    }

    @Test
    void a_script_gets_a_version_per_change_and_every_version_reads_back() {
        TestApp.Reply v1 =
                APP.put("/api/v1/artifacts/sync.py", acme, "{\"kind\": \"script\", \"content\": \"print(1)\"}");
        assertThat(v1.status()).as(v1.body()).isEqualTo(201);
        assertThat(APP.put("/api/v1/artifacts/sync.py", acme, "{\"kind\": \"script\", \"content\": \"print(1)\"}")
                        .status())
                .isEqualTo(200);
        TestApp.Reply v2 =
                APP.put("/api/v1/artifacts/sync.py", acme, "{\"kind\": \"script\", \"content\": \"print(2)\"}");
        assertThat(v2.json().get("version").asInt()).isEqualTo(2);

        assertThat(APP.get("/api/v1/artifacts/sync.py", acme)
                        .json()
                        .get("content")
                        .asText())
                .isEqualTo("print(2)");
        assertThat(APP.get("/api/v1/artifacts/sync.py?version=1", acme)
                        .json()
                        .get("content")
                        .asText())
                .isEqualTo("print(1)");
        assertThat(APP.get("/api/v1/artifacts/sync.py?version=3", acme).status())
                .isEqualTo(404);
        assertThat(APP.get("/api/v1/artifacts/sync.py/versions", acme).json().get("data"))
                .hasSize(2);
        assertThat(APP.get("/api/v1/artifacts?kind=script", acme).json().get("data"))
                .hasSize(1);
        assertThat(APP.get("/api/v1/artifacts/sync.py", other).status()).isEqualTo(404);
        assertThat(APP.get("/api/v1/artifacts", other).json().get("data")).isEmpty();
    }

    @Test
    void bytes_keep_their_type_and_come_back_unchanged_and_bad_keys_are_refused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, 2};
        TestApp.Reply saved = APP.send(APP.request("/api/v1/artifacts/logo.png?kind=other", acme)
                .setHeader("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(png))
                .build());
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        TestApp.Reply read = APP.get("/api/v1/artifacts/logo.png", acme);
        assertThat(read.json().get("content_type").asText()).isEqualTo("image/png");
        assertThat(Base64.getDecoder().decode(read.json().get("content_base64").asText()))
                .containsExactly(png);
        TestApp.Reply raw = APP.get("/api/v1/artifacts/logo.png/content", acme);
        assertThat(raw.contentType()).startsWith("image/png");

        assertThat(APP.put("/api/v1/artifacts/Bad%20Key", acme, "{\"kind\": \"script\", \"content\": \"x\"}")
                        .status())
                .isEqualTo(422);
        assertThat(APP.put("/api/v1/artifacts/ok", acme, "{\"kind\": \"Not Kind\", \"content\": \"x\"}")
                        .status())
                .isEqualTo(422);
        assertThat(APP.get("/api/v1/artifacts/ok", acme).status()).isEqualTo(404);
    }
}
