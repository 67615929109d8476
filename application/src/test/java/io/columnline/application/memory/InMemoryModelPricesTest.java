package io.columnline.application.memory;

import io.columnline.application.contract.ModelPricesContract;
import io.columnline.application.port.out.ModelPrices;

/** The in-memory adapter against the same contract as the Postgres one. */
class InMemoryModelPricesTest extends ModelPricesContract {
    private final InMemoryModelPrices prices = new InMemoryModelPrices();

    @Override
    protected ModelPrices prices() {
        return prices;
    }
}
