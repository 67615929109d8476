package io.columnline.application.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RememberedTest {
    private final MutableClock clock = new MutableClock(Fixtures.NOW);
    private final Remembered<String, Integer> remembered = new Remembered<>(Duration.ofSeconds(10), 3, clock);
    private final AtomicInteger reads = new AtomicInteger();

    private Integer read() {
        return reads.incrementAndGet();
    }

    @Test
    void a_value_is_served_from_memory_while_fresh_and_read_again_after() {
        assertThat(remembered.get("a", this::read)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(10));
        assertThat(remembered.get("a", this::read)).isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(remembered.get("a", this::read)).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void a_reread_replaces_what_is_remembered() {
        remembered.get("a", this::read);
        assertThat(remembered.reread("a", this::read)).isEqualTo(2);
        assertThat(remembered.fresh("a")).contains(2);
    }

    @Test
    void forgetting_all_makes_the_next_get_read() {
        remembered.get("a", this::read);
        remembered.get("b", this::read);
        remembered.forgetAll();
        assertThat(remembered.fresh("a")).isEmpty();
        assertThat(remembered.get("b", this::read)).isEqualTo(3);
    }

    @Test
    void a_read_that_overlapped_a_forget_is_not_served() {
        // the read started before a local write forgot everything: what it saw may be stale
        assertThat(remembered.get("a", () -> {
                    remembered.forgetAll();
                    return read();
                }))
                .isEqualTo(1);
        assertThat(remembered.fresh("a")).isEmpty();
        assertThat(remembered.get("a", this::read)).isEqualTo(2);
        assertThat(remembered.fresh("a")).contains(2);
    }

    @Test
    void forget_if_forgets_only_the_values_it_names() {
        remembered.get("a", this::read);
        remembered.get("b", this::read);
        remembered.forgetIf(value -> value == 1);
        assertThat(remembered.fresh("a")).isEmpty();
        assertThat(remembered.fresh("b")).contains(2);
    }

    @Test
    void a_read_that_fails_remembers_nothing() {
        assertThatThrownBy(() -> remembered.get("a", () -> {
                    throw new IllegalStateException("not found");
                }))
                .hasMessage("not found");
        assertThat(remembered.fresh("a")).isEmpty();
    }

    @Test
    void more_keys_than_the_bound_start_it_over() {
        for (String key : new String[] {"a", "b", "c"}) {
            remembered.get(key, this::read);
        }
        remembered.get("d", this::read);
        assertThat(remembered.fresh("a")).isEmpty();
        assertThat(remembered.fresh("d")).contains(4);
    }
}
