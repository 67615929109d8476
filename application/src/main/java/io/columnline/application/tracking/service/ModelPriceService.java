package io.columnline.application.tracking.service;

import io.columnline.application.shared.Transactions;
import io.columnline.application.tracking.port.in.ModelPricesUseCase;
import io.columnline.application.tracking.port.out.ModelPrices;
import io.columnline.domain.access.Caller;
import io.columnline.domain.run.ModelPrice;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

public final class ModelPriceService implements ModelPricesUseCase {
    private final ModelPrices prices;
    private final PriceBook book;
    private final Transactions transactions;
    private final Clock clock;

    @Inject
    public ModelPriceService(ModelPrices prices, PriceBook book, Transactions transactions, Clock clock) {
        this.prices = prices;
        this.book = book;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Saved save(Caller caller, String model, BigDecimal inputPerMillionUsd, BigDecimal outputPerMillionUsd) {
        caller.requireAdmin();
        ModelPrice price = new ModelPrice(model, inputPerMillionUsd, outputPerMillionUsd, clock.instant());
        Saved saved = transactions.inTransaction(() -> {
            var before = prices.byModel(price.model());
            if (before.isPresent() && samePrices(before.get(), price)) {
                return new Saved(before.get(), false);
            }
            prices.save(price);
            return new Saved(price, before.isEmpty());
        });
        book.forget();
        return saved;
    }

    private static boolean samePrices(ModelPrice a, ModelPrice b) {
        return a.inputPerMillionUsd().equals(b.inputPerMillionUsd())
                && a.outputPerMillionUsd().equals(b.outputPerMillionUsd());
    }

    @Override
    public List<ModelPrice> list() {
        return prices.all();
    }
}
