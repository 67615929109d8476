package io.columnline.application.tracking.port.out;

import io.columnline.domain.run.ModelPrice;
import java.util.List;
import java.util.Optional;

/** The price table for LLM models; reference data shared by every client. */
public interface ModelPrices {
    /** Ordered by model name. */
    List<ModelPrice> all();

    Optional<ModelPrice> byModel(String model);

    /** Inserts the price or replaces the stored one for the same model. */
    void save(ModelPrice price);
}
