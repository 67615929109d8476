package io.columnline.domain.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.Violation;
import io.columnline.domain.json.JsonDocument;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class StepEntryTest {
    static StepEntry.Draft draft() {
        return new StepEntry.Draft(
                "research.claims",
                null,
                "research",
                null,
                null,
                null,
                "gpt-4o",
                new JsonDocument("{\"q\":1}"),
                new JsonDocument("{\"a\":2}"),
                1000L,
                200L,
                null,
                800L,
                "success",
                null);
    }

    static StepEntry.Draft withTokens(Long in, Long out, BigDecimal cost, Long latency) {
        var d = draft();
        return new StepEntry.Draft(
                d.stepKey(),
                d.attempt(),
                d.stage(),
                d.section(),
                d.promptKey(),
                d.promptVersion(),
                d.model(),
                d.input(),
                d.output(),
                in,
                out,
                cost,
                latency,
                d.status(),
                d.error());
    }

    @Test
    void the_attempt_defaults_to_one_and_the_status_is_parsed() {
        StepEntry entry = draft().entry();
        assertThat(entry.attempt()).isEqualTo(1);
        assertThat(entry.status()).isEqualTo(StepStatus.SUCCESS);
        assertThat(entry.ref()).isEqualTo(new StepEntry.StepRef("research.claims", 1));
    }

    @Test
    void every_problem_is_reported_at_once_by_wire_name() {
        var bad = new StepEntry.Draft(
                "Bad Key",
                0,
                null,
                "Section!",
                "ok",
                0,
                " ",
                null,
                null,
                -1L,
                -2L,
                new BigDecimal("-0.01"),
                -5L,
                "done",
                null);
        assertThatThrownBy(bad::entry)
                .isInstanceOfSatisfying(
                        Invalid.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactlyInAnyOrder(
                                        "status",
                                        "step_key",
                                        "attempt",
                                        "stage",
                                        "section",
                                        "prompt_version",
                                        "model",
                                        "tokens_input",
                                        "tokens_output",
                                        "cost_usd",
                                        "latency_ms"));
    }

    @Test
    void negative_numbers_name_the_value() {
        assertThatThrownBy(() -> withTokens(-3L, 0L, null, 0L).entry())
                .isInstanceOf(Invalid.class)
                .hasMessage("tokens_input: must not be negative, got -3");
    }

    @Test
    void the_fingerprint_is_equal_exactly_when_the_payload_is() {
        StepEntry a = draft().entry();
        assertThat(draft().entry().fingerprint()).isEqualTo(a.fingerprint());
        StepEntry b = withTokens(1000L, 201L, null, 800L).entry();
        assertThat(b.fingerprint()).isNotEqualTo(a.fingerprint());
        assertThat(b.differencesFrom(a)).containsExactly("tokens_output");
    }

    @Test
    void costs_compare_by_value() {
        StepEntry a = withTokens(1L, 1L, new BigDecimal("0.50"), 1L).entry();
        StepEntry b = withTokens(1L, 1L, new BigDecimal("0.5"), 1L).entry();
        assertThat(a).isEqualTo(b);
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
        assertThat(withTokens(1L, 1L, new BigDecimal("100"), 1L)
                        .entry()
                        .costUsd()
                        .orElseThrow()
                        .toPlainString())
                .isEqualTo("100");
    }
}
