package io.columnline.adapters.http.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.domain.access.ApiKeyId;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final RateLimit limit = new RateLimit(2, 4, now::get);
    private final ApiKeyId key = ApiKeyId.random();

    @Test
    void a_key_may_burst_then_goes_at_its_rate() {
        for (int i = 0; i < 4; i++) {
            assertThat(limit.take(key)).isZero();
        }
        assertThat(limit.take(key)).isEqualTo(1);
        now.addAndGet(SECOND / 2);
        assertThat(limit.take(key)).isZero();
        assertThat(limit.take(key)).isEqualTo(1);
        now.addAndGet(10 * SECOND);
        for (int i = 0; i < 4; i++) {
            assertThat(limit.take(key))
                    .as("full again, never more than the burst")
                    .isZero();
        }
        assertThat(limit.take(key)).isEqualTo(1);
    }

    @Test
    void one_key_over_its_limit_does_not_slow_another() {
        for (int i = 0; i < 5; i++) {
            limit.take(key);
        }
        assertThat(limit.take(key)).isPositive();
        assertThat(limit.take(ApiKeyId.random())).isZero();
    }

    @Test
    void a_slow_rate_answers_how_many_seconds_to_wait() {
        RateLimit slow = new RateLimit(0.1, 1, now::get);
        assertThat(slow.take(key)).isZero();
        assertThat(slow.take(key)).isEqualTo(10);
    }

    @Test
    void no_rate_means_no_limit() {
        RateLimit none = new RateLimit(0, 0, now::get);
        for (int i = 0; i < 1000; i++) {
            assertThat(none.take(key)).isZero();
        }
    }
}
