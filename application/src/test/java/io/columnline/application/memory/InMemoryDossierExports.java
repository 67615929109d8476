package io.columnline.application.memory;

import io.columnline.application.port.out.DossierExports;
import io.columnline.application.port.out.Dossiers;
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
                Optional<Map<String, String>> object =
                        TopLevelJson.fields(s.content().text());
                if (object.isPresent()) {
                    fields.computeIfAbsent(key, k -> new TreeSet<>())
                            .addAll(object.get().keySet());
                } else {
                    plain.put(key, true);
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
            Map<String, String> sections = new HashMap<>();
            Map<String, Map<String, String>> objects = new HashMap<>();
            for (DossierSection s : dossiers.sections(d.id())) {
                String text = s.content().text();
                TopLevelJson.fields(text)
                        .ifPresentOrElse(
                                f -> objects.put(s.key().value(), f),
                                () -> sections.put(s.key().value(), text.startsWith("\"") ? unquoted(text) : text));
            }
            List<String> cells = new ArrayList<>();
            for (SectionColumn c : columns) {
                String value = c.field().isPresent()
                        ? objects.getOrDefault(c.section(), Map.of())
                                .get(c.field().get())
                        : sections.get(c.section());
                cells.add(value == null ? "" : value);
            }
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

    private static String unquoted(String jsonString) {
        return TopLevelJson.fields("{\"v\":" + jsonString + "}").orElseThrow().get("v");
    }
}
