package io.columnline.application.tracking.memory;

import io.columnline.application.tracking.contract.ModelPricesContract;
import io.columnline.application.tracking.port.out.ModelPrices;

/** The in-memory adapter against the same contract as the Postgres one. */
class InMemoryModelPricesTest extends ModelPricesContract {
    private final InMemoryModelPrices prices = new InMemoryModelPrices();

    @Override
    protected ModelPrices prices() {
        return prices;
    }
}
