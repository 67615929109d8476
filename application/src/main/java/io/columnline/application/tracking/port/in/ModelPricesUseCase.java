package io.columnline.application.tracking.port.in;

import io.columnline.domain.access.Caller;
import io.columnline.domain.run.ModelPrice;
import java.math.BigDecimal;
import java.util.List;

/** The price table steps are costed with. Anyone may read it; only an admin changes it. */
public interface ModelPricesUseCase {
    Saved save(Caller caller, String model, BigDecimal inputPerMillionUsd, BigDecimal outputPerMillionUsd);

    List<ModelPrice> list();

    record Saved(ModelPrice price, boolean created) {}
}
