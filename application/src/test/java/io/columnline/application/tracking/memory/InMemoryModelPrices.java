package io.columnline.application.tracking.memory;

import io.columnline.application.tracking.port.out.ModelPrices;
import io.columnline.domain.run.ModelPrice;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryModelPrices implements ModelPrices {
    private final Map<String, ModelPrice> prices = new ConcurrentHashMap<>();

    @Override
    public List<ModelPrice> all() {
        return prices.values().stream()
                .sorted(Comparator.comparing(ModelPrice::model))
                .toList();
    }

    @Override
    public Optional<ModelPrice> byModel(String model) {
        return Optional.ofNullable(prices.get(model));
    }

    @Override
    public void save(ModelPrice price) {
        prices.put(price.model(), price);
    }
}
