package io.columnline.domain.prospect;

/** How a prospect field's value is written in a file and held in memory. */
public enum FieldType {
    /** {@code String}. */
    TEXT,
    /** {@code String}: a tax or registration number, spaces removed. */
    IDENTIFIER,
    /** {@code String}: a bare lower-case domain such as {@code acme.com}. */
    DOMAIN,
    /** {@code String}: one address, checked. */
    EMAIL,
    /** {@code java.time.LocalDate}. */
    DATE,
    /** {@code java.time.Instant}. */
    TIMESTAMP,
    /** {@code java.math.BigDecimal} without trailing zeros. */
    DECIMAL,
    /** {@code Integer}. */
    INTEGER,
    /** {@code Boolean}. */
    BOOLEAN,
    /** {@code List<String>}. */
    TEXT_LIST,
    /** {@code List<String>} of checked addresses. */
    EMAIL_LIST,
    /** {@code String}, one of the field's choices exactly. */
    CHOICE,
    /** {@code io.columnline.domain.json.JsonDocument}. */
    JSON
}
