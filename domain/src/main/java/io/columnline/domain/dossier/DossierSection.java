package io.columnline.domain.dossier;

import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.json.JsonText;
import io.columnline.domain.run.StepEntry.StepRef;
import io.columnline.domain.section.SectionKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One section as published: its definition's title and place, the writer's output and the step that wrote it. */
public record DossierSection(SectionKey key, String title, int position, JsonDocument content, StepRef writtenBy) {
    public DossierSection {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(writtenBy, "writtenBy");
    }

    /**
     * The section flattened for a spreadsheet: one cell per top-level field of an object (sorted by
     * field name), or one cell without a field for any other content. A string is its text, JSON
     * null is empty, any other value is its JSON text.
     */
    public List<Cell> cells() {
        Optional<Map<String, String>> fields = JsonText.topLevelFields(content.text());
        if (fields.isEmpty()) {
            return List.of(new Cell(Optional.empty(), orEmpty(JsonText.scalarOrRaw(content.text()))));
        }
        List<Cell> cells = new ArrayList<>(fields.get().size());
        fields.get().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(f -> cells.add(new Cell(Optional.of(f.getKey()), orEmpty(f.getValue()))));
        return cells;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** One flattened value; {@code field} is empty when the whole content is the cell. */
    public record Cell(Optional<String> field, String value) {
        public Cell {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
        }
    }
}
