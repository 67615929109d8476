package io.columnline.domain.run;

import static io.columnline.domain.run.RunTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.domain.error.Invalid;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PricingTest {
    private final PriceTable prices = PriceTable.of(List.of(
            new ModelPrice("gpt-4o", new BigDecimal("2.5"), new BigDecimal("10"), NOW),
            new ModelPrice("gpt-4o-mini", new BigDecimal("0.15"), new BigDecimal("0.6"), NOW),
            new ModelPrice("claude-sonnet-4", new BigDecimal("3"), new BigDecimal("15"), NOW)));
    private final Run run = RunTest.running();

    private Step log(String model, Long in, Long out, BigDecimal cost) {
        var d = StepEntryTest.draft();
        var draft = new StepEntry.Draft(
                d.stepKey(),
                d.attempt(),
                d.stage(),
                d.section(),
                d.promptKey(),
                d.promptVersion(),
                model,
                d.input(),
                d.output(),
                in,
                out,
                cost,
                d.latencyMs(),
                d.status(),
                d.error());
        return Step.log(run.id(), run.client(), draft.entry(), prices, NOW);
    }

    @Test
    void a_known_model_is_priced_per_million_tokens_exactly() {
        Step step = log("gpt-4o", 1200L, 300L, null);
        assertThat(step.costSource()).isEqualTo(CostSource.PRICED);
        assertThat(step.costUsd()).contains(new BigDecimal("0.006"));
        assertThat(log("gpt-4o-mini", 1L, 0L, null).costUsd()).contains(new BigDecimal("0.00000015"));
    }

    @Test
    void a_given_cost_wins_over_the_price_table() {
        Step step = log("gpt-4o", 1200L, 300L, new BigDecimal("0.42"));
        assertThat(step.costSource()).isEqualTo(CostSource.GIVEN);
        assertThat(step.costUsd()).contains(new BigDecimal("0.42"));
    }

    @Test
    void an_unknown_model_leaves_the_cost_empty_and_says_so() {
        Step step = log("mistral-large", 1200L, 300L, null);
        assertThat(step.costSource()).isEqualTo(CostSource.UNKNOWN_MODEL);
        assertThat(step.costUsd()).isEmpty();
    }

    @Test
    void without_model_or_tokens_there_is_no_cost() {
        assertThat(log(null, 10L, 10L, null).costSource()).isEqualTo(CostSource.NONE);
        assertThat(log("gpt-4o", null, null, null).costSource()).isEqualTo(CostSource.NONE);
        assertThat(log("gpt-4o", 1_000_000L, null, null).costUsd()).contains(new BigDecimal("2.5"));
    }

    @Test
    void models_match_without_case_provider_prefix_or_release_date() {
        assertThat(prices.priceFor("GPT-4o")).isPresent();
        assertThat(prices.priceFor("openai/gpt-4o")).isPresent();
        assertThat(prices.priceFor("gpt-4o-2024-08-06")).map(ModelPrice::model).contains("gpt-4o");
        assertThat(prices.priceFor("gpt-4o-mini-2024-07-18"))
                .map(ModelPrice::model)
                .contains("gpt-4o-mini");
        assertThat(prices.priceFor("claude-sonnet-4-20250514"))
                .map(ModelPrice::model)
                .contains("claude-sonnet-4");
        assertThat(prices.priceFor("gpt-4o-audio-preview")).isEmpty();
    }

    @Test
    void a_price_must_be_a_non_negative_amount_for_a_model_key() {
        assertThatThrownBy(() -> new ModelPrice("gpt-x", new BigDecimal("-1"), null, NOW))
                .isInstanceOfSatisfying(
                        Invalid.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field())
                                .containsExactly("input_per_million_usd", "output_per_million_usd"));
        assertThat(new ModelPrice(" GPT-X ", BigDecimal.ONE, BigDecimal.TEN, NOW).model())
                .isEqualTo("gpt-x");
    }

    @Test
    void totals_add_up_tokens_cost_latency_and_statuses() {
        Totals one = Totals.of(log("gpt-4o", 1200L, 300L, null));
        Totals unknown = Totals.of(log("mystery", 10L, 20L, null));
        Totals sum = Totals.sum(List.of(one, unknown));
        assertThat(sum).isEqualTo(new Totals(2, 2, 0, 1210, 320, new BigDecimal("0.006"), 1, 1600));
        assertThat(Totals.sum(List.of())).isEqualTo(Totals.NONE);
    }
}
