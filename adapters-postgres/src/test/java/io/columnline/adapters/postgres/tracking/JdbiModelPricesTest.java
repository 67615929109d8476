package io.columnline.adapters.postgres.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.adapters.postgres.shared.PostgresDatabase;
import io.columnline.application.tracking.contract.ModelPricesContract;
import io.columnline.application.tracking.port.out.ModelPrices;
import io.columnline.domain.run.ModelPrice;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiModelPricesTest extends ModelPricesContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected ModelPrices prices() {
        return new JdbiModelPrices(DB.session());
    }

    @Test
    void the_migration_preloads_common_models() {
        assertThat(prices().all())
                .extracting(ModelPrice::model)
                .contains(
                        "gpt-4o",
                        "gpt-4o-mini",
                        "gpt-4.1",
                        "o3",
                        "claude-sonnet-4",
                        "claude-3-5-haiku",
                        "gemini-2.5-pro");
        ModelPrice gpt4o = prices().byModel("gpt-4o").orElseThrow();
        assertThat(gpt4o.inputPerMillionUsd()).isEqualByComparingTo(new BigDecimal("2.5"));
        assertThat(gpt4o.outputPerMillionUsd()).isEqualByComparingTo(new BigDecimal("10"));
    }
}
