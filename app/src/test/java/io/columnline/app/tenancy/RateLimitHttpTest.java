package io.columnline.app.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.app.TestApp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A key over its rate gets 429 problem+json with Retry-After, on every route alike; another key is
 * not held up. The rate is slow enough (one request in 100 s) that no refill happens while it runs.
 */
class RateLimitHttpTest {
    @RegisterExtension
    static final TestApp APP =
            new TestApp().with("COLUMNLINE_RATE_LIMIT_PER_KEY", "0.01").with("COLUMNLINE_RATE_LIMIT_BURST", "4");

    @Test
    void a_key_over_its_limit_is_told_to_retry_later_and_other_keys_go_on() {
        String key = APP.clientWithKey("limited");
        String other = APP.clientWithKey("unlimited");
        List<Integer> statuses = new ArrayList<>();
        for (String path : new String[] {"/api/v1/me", "/api/v1/runs", "/api/v1/dossiers", "/api/v1/me"}) {
            statuses.add(APP.get(path, key).status());
        }
        assertThat(statuses).containsOnly(200);

        var refused = APP.get("/api/v1/runs", key);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.header("Retry-After")).isEqualTo("100");
        assertThat(refused.body()).contains("COLUMNLINE_RATE_LIMIT_PER_KEY");

        assertThat(APP.get("/api/v1/me", other).status()).isEqualTo(200);
        assertThat(APP.get("/healthz", null).status()).isEqualTo(200);
    }
}
