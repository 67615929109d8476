package io.columnline.adapters.postgres;

import io.columnline.application.port.out.DossierExports;
import io.columnline.application.port.out.Dossiers;
import io.columnline.domain.dossier.Dossier;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.statement.Query;

/**
 * The export reads with a server-side cursor ({@code fetchSize} rows at a time inside the caller's
 * transaction) and PostgreSQL picks the section fields out of each dossier's sections, parsed once
 * into jsonb, so memory stays flat whatever the number of dossiers. json_object_keys returns a key
 * as often as it occurs; the GROUP BY keeps one.
 */
final class JdbiDossierExports implements DossierExports {
    private static final int FETCH_SIZE = 1000;
    /** Contact fields stored as text arrays, exported joined with "; ". */
    private static final java.util.Set<String> LISTS = java.util.Set.of("phone_numbers", "source_urls");

    private final JdbiSession session;

    @Inject
    JdbiDossierExports(JdbiSession session) {
        this.session = session;
    }

    private record Found(String section, int position, Optional<String> field) {}

    @Override
    public List<SectionColumn> sectionColumns(Dossiers.Query query) {
        List<Found> found = session.withHandle(h -> JdbiDossiers.bindQuery(
                        h.createQuery("SELECT s.key, min(s.position) AS position, f.field FROM dossiers d"
                                + " JOIN dossier_sections s ON s.dossier_id = d.id"
                                + " CROSS JOIN LATERAL json_object_keys(CASE WHEN json_typeof(s.content) = 'object'"
                                + "      THEN s.content ELSE '{}'::json END) AS f(field)"
                                + JdbiDossiers.WHERE + " GROUP BY s.key, f.field"
                                + " UNION ALL"
                                + " SELECT s.key, min(s.position) AS position, NULL FROM dossiers d"
                                + " JOIN dossier_sections s ON s.dossier_id = d.id"
                                + JdbiDossiers.WHERE + " AND json_typeof(s.content) <> 'object' GROUP BY s.key"),
                        query)
                .map((rs, ctx) ->
                        new Found(rs.getString("key"), rs.getInt("position"), Rows.optionalString(rs, "field")))
                .list());
        Map<String, Integer> positions = new HashMap<>();
        found.forEach(f -> positions.merge(f.section(), f.position(), Math::min));
        return found.stream()
                .sorted(Comparator.comparing((Found f) -> positions.get(f.section()))
                        .thenComparing(Found::section)
                        .thenComparing(f -> f.field().orElse(""))
                        .thenComparing(f -> f.field().isPresent()))
                .map(f -> new SectionColumn(f.section(), f.field()))
                .toList();
    }

    @Override
    public void forEachRow(Dossiers.Query query, List<SectionColumn> columns, Consumer<ExportRow> rows) {
        var select = new StringBuilder("SELECT ").append(JdbiDossiers.COLUMNS).append(", b.name AS batch_name");
        for (int i = 0; i < columns.size(); i++) {
            select.append(
                    columns.get(i).field().isPresent()
                            ? ", jsonb_extract_path_text(s.sections, :s" + i + ", :f" + i + ") AS c" + i
                            : ", CASE WHEN jsonb_typeof(s.sections -> :s" + i
                                    + ") = 'object' THEN NULL ELSE s.sections ->> :s" + i + " END AS c" + i);
        }
        for (String field : CONTACT_FIELDS) {
            select.append(
                    LISTS.contains(field)
                            ? ", array_to_string(k." + field + ", '; ') AS k_" + field
                            : ", k." + field + " AS k_" + field);
        }
        select.append(" FROM dossiers d JOIN batches b ON b.id = d.batch_id")
                .append(
                        " LEFT JOIN LATERAL (SELECT jsonb_object_agg(key, content::jsonb) AS sections FROM dossier_sections")
                .append("      WHERE dossier_id = d.id) s ON true")
                .append(" LEFT JOIN contacts k ON k.dossier_id = d.id")
                .append(JdbiDossiers.WHERE)
                .append(" ORDER BY d.created_at DESC, d.id DESC, k.created_at, k.id");
        session.useHandle(h -> {
            Query statement = JdbiDossiers.bindQuery(h.createQuery(select.toString()), query);
            for (int i = 0; i < columns.size(); i++) {
                statement.bind("s" + i, columns.get(i).section());
                int at = i;
                columns.get(i).field().ifPresent(f -> statement.bind("f" + at, f));
            }
            statement
                    .setFetchSize(FETCH_SIZE)
                    .map((rs, ctx) -> {
                        Dossier dossier = JdbiDossiers.dossier(rs, ctx);
                        List<String> cells = new ArrayList<>(columns.size());
                        for (int i = 0; i < columns.size(); i++) {
                            String value = rs.getString("c" + i);
                            cells.add(value == null ? "" : value);
                        }
                        List<String> contact = new ArrayList<>(CONTACT_FIELDS.size());
                        for (String field : CONTACT_FIELDS) {
                            String value = rs.getString("k_" + field);
                            contact.add(value == null ? "" : value);
                        }
                        return new ExportRow(dossier, rs.getString("batch_name"), cells, contact);
                    })
                    .forEach(rows);
        });
    }
}
