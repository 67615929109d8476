package io.columnline.app.tenancy;

import static io.columnline.app.TestApp.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.columnline.app.LogConfigurator;
import io.columnline.app.TestApp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Every log line of a scenario from client set-up to publish, with a wrong key, a revoked key and
 * a failing request among its calls (access log included), holds none of the keys it used.
 */
class KeysStayOutOfLogsTest {
    @RegisterExtension
    static final TestApp APP = new TestApp();

    /** Server threads (workers, the access log) append while the test reads. */
    private final Queue<ILoggingEvent> seen = new ConcurrentLinkedQueue<>();

    private final AppenderBase<ILoggingEvent> lines = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            seen.add(event);
        }
    };
    private Logger root;

    @BeforeEach
    void listen() {
        root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        lines.start();
        root.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        root.detachAppender(lines);
    }

    @Test
    void no_log_line_holds_a_key() throws Exception {
        List<String> keys = new ArrayList<>(List.of(ADMIN_KEY));
        String key = APP.clientWithKey("quiet");
        keys.add(key);
        String revoked = APP.post("/api/v1/api-keys", ADMIN_KEY, "{\"client\": \"quiet\"}")
                .json()
                .get("key")
                .asText();
        keys.add(revoked);
        String revokedId = APP.get("/api/v1/me", revoked).json().get("key_id").asText();
        assertThat(APP.delete("/api/v1/api-keys/" + revokedId, ADMIN_KEY).status())
                .isEqualTo(204);
        assertThat(APP.get("/api/v1/me", revoked).status()).isEqualTo(401);
        String wrong = "cl_not_a_key_but_looks_like_one_0123456789";
        keys.add(wrong);
        assertThat(APP.get("/api/v1/runs", wrong).status()).isEqualTo(401);

        String runId = APP.post(
                        "/api/v1/runs",
                        key,
                        "{\"seed\": {\"company_name\": \"Quiet Ltd\", \"domain\": \"quiet.example\"}}")
                .json()
                .get("id")
                .asText();
        APP.post("/api/v1/runs/" + runId + "/steps", key, """
                {"step_key": "writer.x", "stage": "writers", "status": "success", "output": {"a": 1}}""");
        assertThat(APP.post("/api/v1/runs/" + runId + "/steps", key, "{\"step_key\": 1}")
                        .status())
                .isEqualTo(422);
        APP.post("/api/v1/runs/" + runId + "/publish", key, "{}");
        APP.get("/api/v1/dossiers", key);

        assertThat(seen)
                .as("the access log saw the requests")
                .anySatisfy(
                        line -> assertThat(line.getFormattedMessage()).contains("/api/v1/runs/" + runId + "/publish"));
        for (ILoggingEvent line : seen) {
            String text = line.getFormattedMessage()
                    + (line.getThrowableProxy() == null
                            ? ""
                            : line.getThrowableProxy().getMessage());
            for (String secret : keys) {
                assertThat(text).doesNotContain(secret);
            }
        }

        // the same events as COLUMNLINE_LOG_FORMAT=json writes them: one JSON object per line, no key
        var json = LogConfigurator.encoder((LoggerContext) LoggerFactory.getILoggerFactory(), "json");
        var mapper = new ObjectMapper();
        boolean accessSeen = false;
        for (ILoggingEvent line : seen) {
            String encoded = new String(json.encode(line), StandardCharsets.UTF_8);
            assertThat(encoded).endsWith("\n");
            assertThat(encoded.substring(0, encoded.length() - 1)).doesNotContain("\n");
            JsonNode object = mapper.readTree(encoded);
            assertThat(object.isObject()).as(encoded).isTrue();
            assertThat(object.path("level").asText()).isNotEmpty();
            for (String secret : keys) {
                assertThat(encoded).doesNotContain(secret);
            }
            if (line.getLoggerName().equals("access")) {
                accessSeen = true;
                assertThat(encoded).contains("\"route\"");
            }
        }
        assertThat(accessSeen).isTrue();
    }
}
