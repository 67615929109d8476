package io.columnline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
    @Test
    void publishes_run_as_many_at_once_as_there_are_connections_unless_told_otherwise() {
        assertThat(Config.fromEnvironment(Map.of()).publishConcurrency()).isEqualTo(Config.defaultPoolSize());
        assertThat(Config.fromEnvironment(Map.of("COLUMNLINE_DB_POOL_SIZE", "10"))
                        .publishConcurrency())
                .isEqualTo(10);
        assertThat(Config.fromEnvironment(
                                Map.of("COLUMNLINE_DB_POOL_SIZE", "10", "COLUMNLINE_PUBLISH_CONCURRENCY", "3"))
                        .publishConcurrency())
                .isEqualTo(3);
    }

    @Test
    void a_thousand_publishes_may_wait_their_turn_unless_told_otherwise() {
        assertThat(Config.fromEnvironment(Map.of()).publishQueue()).isEqualTo(1000);
        assertThat(Config.fromEnvironment(Map.of("COLUMNLINE_PUBLISH_QUEUE", "0"))
                        .publishQueue())
                .isZero();
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("COLUMNLINE_PUBLISH_QUEUE", "-1")))
                .isInstanceOf(Config.ConfigException.class)
                .hasMessageContaining("COLUMNLINE_PUBLISH_QUEUE must be between 0 and 100000, got -1");
    }

    @Test
    void there_are_at_least_as_many_http_workers_as_connections() {
        int perCores = 8 * Runtime.getRuntime().availableProcessors();
        assertThat(Config.fromEnvironment(Map.of()).httpWorkers())
                .isEqualTo(Math.max(Config.defaultPoolSize(), perCores));
        assertThat(Config.fromEnvironment(Map.of("COLUMNLINE_DB_POOL_SIZE", Integer.toString(perCores + 10)))
                        .httpWorkers())
                .isEqualTo(perCores + 10);
        assertThat(Config.fromEnvironment(Map.of("COLUMNLINE_DB_POOL_SIZE", "40", "COLUMNLINE_HTTP_WORKERS", "4"))
                        .httpWorkers())
                .isEqualTo(4);
    }

    @Test
    void a_setting_out_of_range_is_refused_by_name() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("COLUMNLINE_PUBLISH_CONCURRENCY", "0")))
                .isInstanceOf(Config.ConfigException.class)
                .hasMessageContaining("COLUMNLINE_PUBLISH_CONCURRENCY must be between 1 and 500, got 0");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("COLUMNLINE_HTTP_WORKERS", "many")))
                .isInstanceOf(Config.ConfigException.class)
                .hasMessageContaining("COLUMNLINE_HTTP_WORKERS must be a whole number, got 'many'");
    }

    @Test
    void keys_are_not_rate_limited_unless_told_and_bursts_default_to_twice_the_rate() {
        assertThat(Config.fromEnvironment(Map.of()).rateLimitPerKey()).isZero();
        Config limited = Config.fromEnvironment(Map.of("COLUMNLINE_RATE_LIMIT_PER_KEY", "2.5"));
        assertThat(limited.rateLimitPerKey()).isEqualTo(2.5);
        assertThat(limited.rateLimitBurst()).isEqualTo(5.0);
        assertThat(Config.fromEnvironment(
                                Map.of("COLUMNLINE_RATE_LIMIT_PER_KEY", "10", "COLUMNLINE_RATE_LIMIT_BURST", "50"))
                        .rateLimitBurst())
                .isEqualTo(50.0);
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("COLUMNLINE_RATE_LIMIT_PER_KEY", "fast")))
                .hasMessageContaining("COLUMNLINE_RATE_LIMIT_PER_KEY must be a number");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("COLUMNLINE_RATE_LIMIT_PER_KEY", "-1")))
                .hasMessageContaining("COLUMNLINE_RATE_LIMIT_PER_KEY must be between");
    }
}
