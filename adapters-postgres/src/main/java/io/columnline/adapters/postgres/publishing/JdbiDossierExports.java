package io.columnline.adapters.postgres.publishing;

import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.application.publishing.port.out.DossierExports;
import io.columnline.application.publishing.port.out.DossierExports.SectionCells;
import io.columnline.application.publishing.port.out.Dossiers;
import io.columnline.domain.csv.CsvFields;
import io.columnline.domain.dossier.Dossier;
import io.columnline.domain.json.JsonText;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.statement.Query;

/**
 * The export reads what publishing flattened into each dossier row (see {@link JdbiDossiers#insert}):
 * the header from the distinct {@code export_columns} texts, then every row with its cells, already
 * CSV, through a server-side cursor ({@code fetchSize} rows at a time inside the caller's
 * transaction), so memory stays flat whatever the number of dossiers and nothing takes JSON apart. A
 * dossier whose cells are the export's columns in order hands its stored cells over as they are.
 */
final class JdbiDossierExports implements DossierExports {
    private static final int FETCH_SIZE = 1000;
    /** Contact fields stored as text arrays, exported joined with "; ". */
    private static final Set<String> LISTS = Set.of("phone_numbers", "source_urls");

    private static final List<String> CONTACT_LABELS =
            CONTACT_FIELDS.stream().map(f -> "k_" + f).toList();

    private final JdbiSession session;

    @Inject
    JdbiDossierExports(JdbiSession session) {
        this.session = session;
    }

    /** One entry of {@code export_columns}. */
    private record Entry(int position, SectionColumn column) {}

    @Override
    public List<SectionColumn> sectionColumns(Dossiers.Query query) {
        List<String> shapes = session.withHandle(h -> JdbiDossiers.bindQuery(
                        h.createQuery("SELECT DISTINCT d.export_columns FROM dossiers d" + JdbiDossiers.WHERE), query)
                .mapTo(String.class)
                .list());
        Map<String, Integer> positions = new HashMap<>();
        Set<SectionColumn> columns = new HashSet<>();
        for (String shape : shapes) {
            for (Entry entry : entries(shape)) {
                positions.merge(entry.column().section(), entry.position(), Math::min);
                columns.add(entry.column());
            }
        }
        return columns.stream()
                .sorted(Comparator.comparing((SectionColumn c) -> positions.get(c.section()))
                        .thenComparing(SectionColumn::section)
                        .thenComparing(c -> c.field().isPresent())
                        .thenComparing(c -> c.field().orElse("")))
                .toList();
    }

    private static List<Entry> entries(String shape) {
        List<String> items = JsonText.strings(shape);
        List<Entry> entries = new ArrayList<>(items.size() / 3);
        for (int i = 0; i + 2 < items.size(); i += 3) {
            entries.add(new Entry(
                    Integer.parseInt(items.get(i)),
                    new SectionColumn(items.get(i + 1), Optional.ofNullable(items.get(i + 2)))));
        }
        return entries;
    }

    @Override
    public void forEachRow(Dossiers.Query query, List<SectionColumn> columns, Consumer<ExportRow> rows) {
        var select = new StringBuilder("SELECT ")
                .append(JdbiDossiers.COLUMNS)
                .append(", b.name AS batch_name")
                // a dossier's cells come with its first row only, its shape only when it changes
                .append(", CASE WHEN lag(d.export_columns) OVER w IS DISTINCT FROM d.export_columns")
                .append("       THEN d.export_columns END AS export_columns")
                .append(", CASE WHEN lag(d.id) OVER w IS DISTINCT FROM d.id THEN d.export_cells END AS export_cells");
        for (String field : CONTACT_FIELDS) {
            select.append(
                    LISTS.contains(field)
                            ? ", array_to_string(k." + field + ", '; ') AS k_" + field
                            : ", k." + field + " AS k_" + field);
        }
        select.append(" FROM dossiers d JOIN batches b ON b.id = d.batch_id")
                .append(" LEFT JOIN contacts k ON k.run_id = d.run_id")
                .append(JdbiDossiers.WHERE)
                .append(" WINDOW w AS (ORDER BY d.created_at DESC, d.id DESC, k.created_at, k.id)")
                .append(" ORDER BY d.created_at DESC, d.id DESC, k.created_at, k.id");
        Map<SectionColumn, Integer> place = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            place.put(columns.get(i), i);
        }
        // most dossiers share a shape: where each of its cells goes is worked out once per shape
        Map<String, int[]> targets = new HashMap<>();
        // the rows of one dossier's contacts follow each other and share its dossier, batch and cells
        ExportRow[] last = {null};
        int[][] shape = {null};
        session.useHandle(h -> {
            Query statement = JdbiDossiers.bindQuery(h.createQuery(select.toString()), query);
            statement
                    .setFetchSize(FETCH_SIZE)
                    .map((rs, ctx) -> {
                        ExportRow same = last[0];
                        if (same == null
                                || !same.dossier().id().value().equals(rs.getObject("id", java.util.UUID.class))) {
                            Dossier dossier = JdbiDossiers.dossier(rs, ctx);
                            String columnsText = rs.getString("export_columns");
                            if (columnsText != null) {
                                shape[0] = targets.computeIfAbsent(columnsText, text -> targets(text, place));
                            }
                            int[] target = shape[0];
                            String stored = rs.getString("export_cells");
                            SectionCells cells;
                            if (target == IN_ORDER) {
                                cells = new SectionCells(stored, columns.size());
                            } else {
                                String[] row = new String[columns.size()];
                                Arrays.fill(row, "");
                                List<String> values = CsvFields.split(stored, target.length);
                                for (int i = 0; i < target.length; i++) {
                                    if (target[i] >= 0) {
                                        row[target[i]] = values.get(i);
                                    }
                                }
                                cells = SectionCells.of(Arrays.asList(row));
                            }
                            same = new ExportRow(dossier, rs.getString("batch_name"), cells, List.of());
                            last[0] = same;
                        }
                        List<String> contact = new ArrayList<>(CONTACT_FIELDS.size());
                        for (String label : CONTACT_LABELS) {
                            String value = rs.getString(label);
                            contact.add(value == null ? "" : value);
                        }
                        return new ExportRow(same.dossier(), same.batchName(), same.sections(), contact);
                    })
                    .forEach(rows);
        });
    }

    /** A shape whose cells are exactly the export's columns in order: its stored cells are the row's. */
    private static final int[] IN_ORDER = new int[0];

    /**
     * For each entry of a shape, the export column it fills (-1 when the export does not ask for it),
     * or {@link #IN_ORDER}.
     */
    private static int[] targets(String shape, Map<SectionColumn, Integer> place) {
        List<Entry> entries = entries(shape);
        int[] target = new int[entries.size()];
        boolean inOrder = entries.size() == place.size();
        for (int i = 0; i < target.length; i++) {
            target[i] = place.getOrDefault(entries.get(i).column(), -1);
            inOrder &= target[i] == i;
        }
        return inOrder ? IN_ORDER : target;
    }
}
