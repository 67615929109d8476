package io.columnline.domain.run;

/** Where a step's cost came from, so a reader knows whether an empty cost means "free" or "unknown". */
public enum CostSource {
    /** The caller sent {@code cost_usd}. */
    GIVEN,
    /** Computed from the model price table and the token counts. */
    PRICED,
    /** Tokens and model were read from the provider response the output holds, then priced. */
    PARSED,
    /** The model is not in the price table: the cost is unknown. */
    UNKNOWN_MODEL,
    /** Neither a cost nor a model with token counts was sent. */
    NONE;

    public String wire() {
        return Wire.name(this);
    }

    public static CostSource parse(String field, String value) {
        return Wire.parse(CostSource.class, field, value);
    }
}
