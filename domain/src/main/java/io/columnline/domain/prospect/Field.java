package io.columnline.domain.prospect;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One column of a prospect table, named as the seed names it. A field that is not {@code stored}
 * only exists in import files (a contact's {@code company_tin} finds its company).
 */
public record Field(String name, FieldType type, List<String> choices, boolean stored, Optional<Object> defaultValue) {
    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = List.copyOf(choices);
        Objects.requireNonNull(defaultValue, "defaultValue");
    }

    static Field of(String name, FieldType type) {
        return new Field(name, type, List.of(), true, Optional.empty());
    }

    static Field choice(String name, String... choices) {
        return new Field(name, FieldType.CHOICE, List.of(choices), true, Optional.empty());
    }

    static Field lookup(String name, FieldType type) {
        return new Field(name, type, List.of(), false, Optional.empty());
    }

    Field withDefault(Object value) {
        return new Field(name, type, choices, stored, Optional.of(value));
    }

    /** Parses a value as a person wrote it; blank is {@code null}. */
    public Object parse(String raw) {
        return Values.parse(this, raw);
    }
}
