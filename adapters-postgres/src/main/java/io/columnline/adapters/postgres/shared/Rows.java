package io.columnline.adapters.postgres.shared;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** Small readers for the column types every adapter maps. */
public final class Rows {
    private Rows() {}

    /**
     * A select list of {@code table}'s columns, each named {@code prefix + column} so that rows
     * joined from several tables map apart; a column given as {@code name::text} is read as text.
     * With no table and no prefix, the plain column list.
     */
    public static String columns(String table, String prefix, String... columns) {
        var list = new StringBuilder();
        for (String column : columns) {
            String name = column.endsWith("::text") ? column.substring(0, column.length() - 6) : column;
            list.append(list.isEmpty() ? "" : ", ")
                    .append(table.isEmpty() ? "" : table + ".")
                    .append(column);
            if (!prefix.isEmpty() || !name.equals(column)) {
                list.append(" AS ").append(prefix).append(name);
            }
        }
        return list.toString();
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(instant(rs, column));
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    public static Optional<UUID> optionalUuid(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(uuid(rs, column));
    }

    public static Optional<String> optionalString(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
    }

    /** An amount without trailing zeros, written as a plain number ({@code 2.5}, {@code 10}). */
    public static BigDecimal amount(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
