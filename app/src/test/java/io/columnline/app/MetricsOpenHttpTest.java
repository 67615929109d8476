package io.columnline.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With COLUMNLINE_METRICS_OPEN=true a scraper needs no key; the release job's runs are counted. */
class MetricsOpenHttpTest {
    @RegisterExtension
    static final TestApp APP =
            new TestApp().with("COLUMNLINE_METRICS_OPEN", "true").with("COLUMNLINE_RELEASE_EVERY_MS", "1000");

    @Test
    void metrics_answer_without_a_key_and_count_release_job_runs() throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        String text = "";
        while (System.nanoTime() < deadline) {
            var reply = APP.get("/metrics", null);
            assertThat(reply.status()).isEqualTo(200);
            text = reply.body();
            if (text.contains("columnline_background_job_runs_total{job=\"release due dossiers\",outcome=\"ok\"}")) {
                break;
            }
            Thread.sleep(200); // the release job first runs two seconds after start
        }
        assertThat(text).contains("columnline_background_job_runs_total{job=\"release due dossiers\",outcome=\"ok\"}");
    }
}
