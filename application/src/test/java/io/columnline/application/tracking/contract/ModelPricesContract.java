package io.columnline.application.tracking.contract;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.tracking.port.out.ModelPrices;
import io.columnline.domain.run.ModelPrice;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ModelPrices} adapter must do. The table may hold preloaded prices, so the
 * tests use model names of their own.
 */
public abstract class ModelPricesContract {
    protected abstract ModelPrices prices();

    @Test
    void a_price_is_stored_and_replaced_by_model() {
        var price = new ModelPrice("test-model-a", new BigDecimal("1.25"), new BigDecimal("10"), NOW);
        prices().save(price);
        assertThat(prices().byModel("test-model-a")).contains(price);

        var cheaper =
                new ModelPrice("test-model-a", new BigDecimal("0.5"), new BigDecimal("2.000"), NOW.plusSeconds(60));
        prices().save(cheaper);
        assertThat(prices().byModel("test-model-a")).contains(cheaper);
        assertThat(prices().byModel("test-model-none")).isEmpty();
    }

    @Test
    void all_prices_come_ordered_by_model() {
        prices().save(new ModelPrice("test-model-c", BigDecimal.ONE, BigDecimal.ONE, NOW));
        prices().save(new ModelPrice("test-model-b", BigDecimal.ONE, BigDecimal.ONE, NOW));

        assertThat(prices().all())
                .extracting(ModelPrice::model)
                .contains("test-model-b", "test-model-c")
                .isSorted();
    }
}
