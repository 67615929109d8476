package io.columnline.adapters.postgres.shared;

import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.prospect.Field;
import io.columnline.domain.prospect.FieldValues;
import io.columnline.domain.prospect.ProspectKind;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Prospect fields as PostgreSQL columns: one column per field, named as the field. Values travel
 * as text (the column type's input form) and are cast in SQL, the same text that COPY reads.
 */
public final class FieldColumns {
    private FieldColumns() {}

    public static String sqlType(Field field) {
        return switch (field.type()) {
            case DATE -> "date";
            case TIMESTAMP -> "timestamptz";
            case DECIMAL -> "numeric";
            case INTEGER -> "integer";
            case BOOLEAN -> "boolean";
            case TEXT_LIST, EMAIL_LIST -> "text[]";
            case JSON -> "jsonb";
            default -> "text";
        };
    }

    /** The value in the column type's text input form; {@code null} stays null. */
    @SuppressWarnings("unchecked")
    public static String text(Field field, Object value) {
        if (value == null) {
            return null;
        }
        return switch (field.type()) {
            case DATE -> ((LocalDate) value).toString();
            case TIMESTAMP -> ((Instant) value).toString();
            case DECIMAL -> ((BigDecimal) value).toPlainString();
            case INTEGER -> value.toString();
            case BOOLEAN -> (Boolean) value ? "t" : "f";
            case TEXT_LIST, EMAIL_LIST -> arrayLiteral((List<String>) value);
            case JSON -> ((JsonDocument) value).text();
            default -> (String) value;
        };
    }

    private static String arrayLiteral(List<String> items) {
        return items.stream()
                .map(item -> "\"" + item.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** Binds {@code :v_<field>} for each field given (as text; the SQL casts it). */
    public static void bind(SqlStatement<?> statement, List<Field> fields, FieldValues values) {
        for (Field field : fields) {
            statement.bind("v_" + field.name(), text(field, values.get(field.name())));
        }
    }

    public static String cast(Field field) {
        return "CAST(:v_" + field.name() + " AS " + sqlType(field) + ")";
    }

    /** {@code a, b, c}: the fields' columns, for an insert's column list or a row comparison. */
    public static String names(List<Field> fields) {
        return fields.stream().map(Field::name).collect(Collectors.joining(", "));
    }

    /** The fields' bound values, cast to their columns' types, in the order of {@link #names}. */
    public static String casts(List<Field> fields) {
        return fields.stream().map(FieldColumns::cast).collect(Collectors.joining(", "));
    }

    /** {@code a = CAST(:v_a AS …), …}: an update's SET list. */
    public static String assignments(List<Field> fields) {
        return fields.stream().map(f -> f.name() + " = " + cast(f)).collect(Collectors.joining(", "));
    }

    /** {@code  AND t.a = CAST(:v_a AS …)…}: equality filters on the table {@code alias}. */
    public static String equal(String alias, List<Field> fields) {
        return fields.stream()
                .map(f -> " AND " + alias + "." + f.name() + " = " + cast(f))
                .collect(Collectors.joining());
    }

    public static String select(ProspectKind kind, String alias, String prefix) {
        return kind.storedFields().stream()
                .map(f -> alias + "." + f.name()
                        + (f.type() == io.columnline.domain.prospect.FieldType.JSON ? "::text" : "") + " AS " + prefix
                        + f.name())
                .collect(Collectors.joining(", "));
    }

    public static FieldValues read(ProspectKind kind, ResultSet rs, String prefix) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : kind.storedFields()) {
            values.put(field.name(), value(field, rs, prefix + field.name()));
        }
        return new FieldValues(values);
    }

    private static Object value(Field field, ResultSet rs, String column) throws SQLException {
        return switch (field.type()) {
            case DATE -> rs.getObject(column, LocalDate.class);
            case TIMESTAMP -> {
                OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
                yield time == null ? null : time.toInstant();
            }
            case DECIMAL -> {
                BigDecimal number = rs.getBigDecimal(column);
                yield number == null ? null : number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
            }
            case INTEGER -> rs.getObject(column, Integer.class);
            case BOOLEAN -> rs.getObject(column, Boolean.class);
            case TEXT_LIST, EMAIL_LIST -> {
                Array array = rs.getArray(column);
                yield array == null ? null : List.copyOf(Arrays.asList((String[]) array.getArray()));
            }
            case JSON -> {
                String json = rs.getString(column);
                yield json == null ? null : new JsonDocument(json);
            }
            default -> rs.getString(column);
        };
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
