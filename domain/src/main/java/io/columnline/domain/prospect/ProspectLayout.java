package io.columnline.domain.prospect;

import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.Violations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the columns of one file map to the fields of one kind, and the rules that turn a row into
 * values or into the list of what is wrong with it.
 */
public final class ProspectLayout {
    private final ProspectKind kind;
    private final List<String> header;
    private final Field[] fieldOfColumn;
    private final List<String> ignoredColumns;

    private ProspectLayout(ProspectKind kind, List<String> header, Field[] fieldOfColumn, List<String> ignored) {
        this.kind = kind;
        this.header = header;
        this.fieldOfColumn = fieldOfColumn;
        this.ignoredColumns = ignored;
    }

    /**
     * Maps a header: {@code mapping} (csv column to field, from {@code --map}) first, then the seed's
     * names ignoring case and spaces. A name used twice, or a file with no known column, is refused.
     */
    public static ProspectLayout of(ProspectKind kind, List<String> header, Map<String, String> mapping) {
        var problems = new Violations();
        if (header.isEmpty() || header.stream().allMatch(String::isBlank)) {
            throw new Invalid("file", "has no header line; the first line must name the columns");
        }
        Map<String, String> explicit = new LinkedHashMap<>();
        mapping.forEach((column, field) -> {
            if (kind.field(field).isEmpty()) {
                problems.add("map", "'" + field + "' is not a field of " + kind.key());
            }
            explicit.put(ProspectKind.normalHeader(column), field);
        });
        Map<String, Integer> seen = new LinkedHashMap<>();
        Field[] fields = new Field[header.size()];
        List<String> ignored = new ArrayList<>();
        Map<String, String> fieldTakenBy = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            String normal = ProspectKind.normalHeader(name);
            Integer earlier = seen.putIfAbsent(normal.toLowerCase(Locale.ROOT), i);
            if (earlier != null) {
                problems.add(
                        "header",
                        "column '" + name + "' (column " + (i + 1) + ") repeats column " + (earlier + 1)
                                + "; every column name must be unique");
                continue;
            }
            Optional<Field> field =
                    explicit.containsKey(normal) ? kind.field(explicit.get(normal)) : kind.fieldForHeader(name);
            if (field.isEmpty()) {
                ignored.add(name);
                continue;
            }
            String other = fieldTakenBy.putIfAbsent(field.get().name(), name);
            if (other != null) {
                problems.add(
                        "header",
                        "columns '" + other + "' and '" + name + "' both map to "
                                + field.get().name());
                continue;
            }
            fields[i] = field.get();
        }
        problems.throwIfAny();
        if (fieldTakenBy.isEmpty()) {
            throw new Invalid(
                    "header",
                    "no column names a field of " + kind.key() + " (first columns: "
                            + String.join(", ", header.subList(0, Math.min(5, header.size()))) + ")");
        }
        return new ProspectLayout(kind, List.copyOf(header), fields, List.copyOf(ignored));
    }

    public ProspectKind kind() {
        return kind;
    }

    /** Columns that name no field: reported once, then ignored. */
    public List<String> ignoredColumns() {
        return ignoredColumns;
    }

    /** The stored fields this file gives values for; an import changes only these. */
    public List<Field> givenFields() {
        List<Field> given = new ArrayList<>();
        for (Field f : fieldOfColumn) {
            if (f != null && f.stored()) {
                given.add(f);
            }
        }
        if (kind == ProspectKind.COMPANIES && has("website") && !has("domain")) {
            given.add(kind.field("domain").orElseThrow());
        }
        if (kind == ProspectKind.CONTACTS && !has("full_name") && (has("first_name") || has("last_name"))) {
            given.add(kind.field("full_name").orElseThrow());
        }
        return given;
    }

    private boolean has(String name) {
        for (Field f : fieldOfColumn) {
            if (f != null && f.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    public int width() {
        return header.size();
    }

    /** One row read, or everything wrong with it. */
    public sealed interface Row {
        long line();
    }

    public record Accepted(long line, FieldValues values) implements Row {}

    public record Rejected(long line, List<RowProblem> problems) implements Row {}

    public Row read(long line, List<String> cells) {
        if (cells.size() != header.size()) {
            return new Rejected(
                    line,
                    List.of(new RowProblem(
                            line, "", "", "has " + cells.size() + " columns, the header has " + header.size())));
        }
        List<RowProblem> problems = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            Field field = fieldOfColumn[i];
            if (field == null) {
                continue;
            }
            String raw = cells.get(i);
            try {
                values.put(field.name(), field.parse(raw));
            } catch (BadValue e) {
                problems.add(new RowProblem(line, header.get(i), raw, field.name() + " " + e.getMessage()));
            }
        }
        if (problems.isEmpty()) {
            rowRules(line, values, problems);
        }
        return problems.isEmpty() ? new Accepted(line, new FieldValues(values)) : new Rejected(line, problems);
    }

    private void rowRules(long line, Map<String, Object> values, List<RowProblem> problems) {
        if (kind == ProspectKind.COMPANIES) {
            if (values.get("company_name") == null) {
                problems.add(new RowProblem(line, "company_name", "", "company_name is required"));
            }
            if (values.get("tin") == null && values.get("registration_number") == null) {
                problems.add(new RowProblem(line, "tin", "", "a company needs a tin or a registration_number"));
            }
            if (values.get("domain") == null && values.get("website") != null) {
                values.put("domain", Values.domainOrNull((String) values.get("website")));
            }
            return;
        }
        if (values.get("full_name") == null && (values.get("first_name") != null || values.get("last_name") != null)) {
            List<String> parts = new ArrayList<>();
            for (String part : new String[] {"first_name", "middle_name", "last_name"}) {
                if (values.get(part) != null) {
                    parts.add((String) values.get(part));
                }
            }
            values.put("full_name", String.join(" ", parts));
        }
        if (values.get("full_name") == null && values.get("work_email") == null) {
            problems.add(new RowProblem(
                    line, "full_name", "", "a contact needs a full_name (or first and last name) or a work_email"));
        }
        if (values.get("company_tin") == null
                && values.get("company_registration_number") == null
                && values.get("company_domain") == null
                && values.get("company_name") == null) {
            problems.add(
                    new RowProblem(
                            line,
                            "company_tin",
                            "",
                            "a contact needs its company: give company_tin, company_registration_number, company_domain or company_name"));
        }
    }
}
