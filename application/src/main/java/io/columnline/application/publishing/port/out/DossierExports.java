package io.columnline.application.publishing.port.out;

import io.columnline.domain.csv.CsvFields;
import io.columnline.domain.dossier.Dossier;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Dossiers flattened for export: one row per contact of each dossier (one row for a dossier
 * without contacts), each section's top-level fields as columns. Rows are handed over one at a
 * time as storage reads them, so an export of any size runs in constant memory.
 */
public interface DossierExports {
    /** The contact fields every row carries, in this order; empty for a dossier without contacts. */
    List<String> CONTACT_FIELDS = List.of(
            "full_name",
            "first_name",
            "last_name",
            "position",
            "work_email",
            "generic_email",
            "phone_numbers",
            "linkedin_url",
            "source_urls");

    /**
     * The section columns the matching dossiers fill: for each section key (in section order) its
     * top-level field names (sorted); a section whose content is not a JSON object is one column.
     */
    List<SectionColumn> sectionColumns(Dossiers.Query query);

    /** Hands every row of the matching dossiers (newest first) to {@code rows}; must run inside a transaction. */
    void forEachRow(Dossiers.Query query, List<SectionColumn> columns, Consumer<ExportRow> rows);

    /** {@code field} is empty for a section whose content is not an object. */
    record SectionColumn(String section, Optional<String> field) {
        public String header() {
            return field.map(f -> section + "." + f).orElse(section);
        }
    }

    /**
     * One row: the dossier, its batch's name, the section cells in column order and the contact
     * cells in {@link #CONTACT_FIELDS} order.
     */
    record ExportRow(Dossier dossier, String batchName, SectionCells sections, List<String> contact) {}

    /**
     * The section cells of a row, already rendered as CSV fields joined by commas ({@link
     * CsvFields#join}): a dossier keeps them ready when it is published, so most rows are exported
     * without taking anything apart. A cell is text as is, other JSON as JSON text, empty when absent.
     */
    record SectionCells(String csv, int count) {
        public static SectionCells of(List<String> values) {
            return new SectionCells(CsvFields.join(values), values.size());
        }

        public List<String> values() {
            return CsvFields.split(csv, count);
        }
    }
}
