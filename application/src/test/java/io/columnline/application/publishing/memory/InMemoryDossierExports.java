package io.columnline.application.publishing.memory;

import io.columnline.application.prospects.memory.InMemoryRunContacts;
import io.columnline.application.publishing.port.out.DossierExports;
import io.columnline.application.publishing.port.out.DossierExports.SectionCells;
import io.columnline.application.publishing.port.out.Dossiers;
import io.columnline.domain.dossier.Dossier;
import io.columnline.domain.dossier.DossierSection;
import io.columnline.domain.prospect.Contact;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

public final class InMemoryDossierExports implements DossierExports {
    private final InMemoryDossiers dossiers;
    private final InMemoryBatches batches;
    private final InMemoryRunContacts contacts;

    public InMemoryDossierExports(InMemoryDossiers dossiers, InMemoryBatches batches, InMemoryRunContacts contacts) {
        this.dossiers = dossiers;
        this.batches = batches;
        this.contacts = contacts;
    }

    @Override
    public List<SectionColumn> sectionColumns(Dossiers.Query query) {
        Map<String, Integer> positions = new HashMap<>();
        Map<String, TreeSet<String>> fields = new HashMap<>();
        Map<String, Boolean> plain = new HashMap<>();
        dossiers.matching(query).forEach(d -> {
            for (DossierSection s : dossiers.sections(d.id())) {
                String key = s.key().value();
                positions.merge(key, s.position(), Math::min);
                for (DossierSection.Cell cell : s.cells()) {
                    cell.field()
                            .ifPresentOrElse(
                                    f -> fields.computeIfAbsent(key, k -> new TreeSet<>())
                                            .add(f),
                                    () -> plain.put(key, true));
                }
            }
        });
        List<String> keys = new ArrayList<>(positions.keySet());
        keys.sort(Comparator.comparing((String k) -> positions.get(k)).thenComparing(k -> k));
        List<SectionColumn> columns = new ArrayList<>();
        for (String key : keys) {
            if (plain.containsKey(key)) {
                columns.add(new SectionColumn(key, Optional.empty()));
            }
            fields.getOrDefault(key, new TreeSet<>()).forEach(f -> columns.add(new SectionColumn(key, Optional.of(f))));
        }
        return columns;
    }

    @Override
    public void forEachRow(Dossiers.Query query, List<SectionColumn> columns, Consumer<ExportRow> rows) {
        List<Dossier> matching =
                dossiers.matching(query).sorted(InMemoryDossiers.NEWEST_FIRST).toList();
        for (Dossier d : matching) {
            Map<SectionColumn, String> values = new HashMap<>();
            for (DossierSection s : dossiers.sections(d.id())) {
                for (DossierSection.Cell cell : s.cells()) {
                    values.put(new SectionColumn(s.key().value(), cell.field()), cell.value());
                }
            }
            SectionCells cells = SectionCells.of(
                    columns.stream().map(c -> values.getOrDefault(c, "")).toList());
            String batch = batches.byId(d.batch()).orElseThrow().name();
            List<Contact> people = contacts.ofDossiers(List.of(d.id())).getOrDefault(d.id(), List.of());
            if (people.isEmpty()) {
                rows.accept(new ExportRow(d, batch, cells, Collections.nCopies(CONTACT_FIELDS.size(), "")));
            }
            for (Contact person : people) {
                rows.accept(new ExportRow(
                        d,
                        batch,
                        cells,
                        CONTACT_FIELDS.stream()
                                .map(f -> cell(person.values().get(f)))
                                .toList()));
            }
        }
    }

    /** Lists are joined with "; ", as the Postgres adapter's array_to_string does. */
    @SuppressWarnings("unchecked")
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof List<?> list ? String.join("; ", (List<String>) list) : value.toString();
    }
}
