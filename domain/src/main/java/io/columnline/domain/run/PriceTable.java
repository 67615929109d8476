package io.columnline.domain.run;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The model prices in force. A step's model is matched case-insensitively, without a provider
 * prefix ({@code openai/gpt-4o}) and without a release suffix ({@code gpt-4o-2024-08-06},
 * {@code claude-sonnet-4-20250514}, {@code -latest}), since APIs report those forms.
 */
public record PriceTable(Map<String, ModelPrice> byModel) {
    private static final Pattern RELEASE_SUFFIX = Pattern.compile("-(\\d{4}-\\d{2}-\\d{2}|\\d{8}|latest)$");

    public PriceTable {
        byModel = Map.copyOf(byModel);
    }

    public static PriceTable of(Collection<ModelPrice> prices) {
        return new PriceTable(prices.stream().collect(Collectors.toMap(ModelPrice::model, Function.identity())));
    }

    public Optional<ModelPrice> priceFor(String model) {
        String name = model.strip().toLowerCase(Locale.ROOT);
        name = name.substring(name.lastIndexOf('/') + 1);
        ModelPrice exact = byModel.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        return Optional.ofNullable(byModel.get(RELEASE_SUFFIX.matcher(name).replaceFirst("")));
    }
}
