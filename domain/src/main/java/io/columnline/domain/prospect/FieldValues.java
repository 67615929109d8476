package io.columnline.domain.prospect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed values by field name. A name that is present with a {@code null} value means "empty";
 * a name that is absent means "not given" (an import file without that column leaves it alone).
 */
public record FieldValues(Map<String, Object> values) {
    public static final FieldValues NONE = new FieldValues(Map.of());

    public FieldValues {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Object get(String name) {
        return values.get(name);
    }

    public Optional<String> text(String name) {
        return Optional.ofNullable((String) values.get(name));
    }

    public Set<String> names() {
        return values.keySet();
    }

    /** These values with {@code other}'s given values laid over them. */
    public FieldValues with(FieldValues other) {
        Map<String, Object> merged = new LinkedHashMap<>(values);
        merged.putAll(other.values);
        return new FieldValues(merged);
    }

    public FieldValues with(String name, Object value) {
        Map<String, Object> merged = new LinkedHashMap<>(values);
        merged.put(name, value);
        return new FieldValues(merged);
    }

    /** Every stored field of the kind, with its default where this has no value. */
    public FieldValues complete(ProspectKind kind) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (Field field : kind.storedFields()) {
            Object value = values.get(field.name());
            all.put(field.name(), value == null ? field.defaultValue().orElse(null) : value);
        }
        return new FieldValues(all);
    }
}
