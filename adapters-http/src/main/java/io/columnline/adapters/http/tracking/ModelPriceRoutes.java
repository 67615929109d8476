package io.columnline.adapters.http.tracking;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.columnline.adapters.http.shared.ListBody;
import io.columnline.adapters.http.shared.PlainDecimal;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.application.tracking.port.in.ModelPricesUseCase;
import io.columnline.domain.run.ModelPrice;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** The model price table steps are costed with. */
final class ModelPriceRoutes implements Routes {
    private final ModelPricesUseCase prices;

    @Inject
    ModelPriceRoutes(ModelPricesUseCase prices) {
        this.prices = prices;
    }

    record PriceBody(BigDecimal inputPerMillionUsd, BigDecimal outputPerMillionUsd) {}

    record PriceView(
            String model,
            @JsonSerialize(using = PlainDecimal.class) BigDecimal inputPerMillionUsd,
            @JsonSerialize(using = PlainDecimal.class) BigDecimal outputPerMillionUsd,
            Instant updatedAt) {
        static PriceView from(ModelPrice p) {
            return new PriceView(p.model(), p.inputPerMillionUsd(), p.outputPerMillionUsd(), p.updatedAt());
        }
    }

    @Override
    public void register(Router router) {
        router.put("/api/v1/model-prices/{model}", r -> {
            PriceBody body = r.body(PriceBody.class);
            var saved = prices.save(r.caller(), r.path("model"), body.inputPerMillionUsd(), body.outputPerMillionUsd());
            return Response.of(saved.created() ? 201 : 200, PriceView.from(saved.price()));
        });
        router.get(
                "/api/v1/model-prices",
                r -> Response.ok(
                        ListBody.all(prices.list().stream().map(PriceView::from).toList())));
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/model-prices.json");
    }
}
