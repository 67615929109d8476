package io.columnline.application.prospects.memory;

import io.columnline.application.prospects.port.out.ProspectImports;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.prospect.Company;
import io.columnline.domain.prospect.Contact;
import io.columnline.domain.prospect.Field;
import io.columnline.domain.prospect.FieldValues;
import io.columnline.domain.prospect.ImportCounts;
import io.columnline.domain.prospect.ImportRecord;
import io.columnline.domain.prospect.ProspectKind;
import io.columnline.domain.prospect.RowProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The import rules of the Postgres engine, row by row over the in-memory stores: last row of a
 * key wins, a registration number held by another company is refused, a contact finds its company
 * by tin, registration number, a unique domain or a unique name (or creates it), and only rows that
 * really differ are updated. Writes are collected and applied at the end, so a dry run or a batch
 * closed without finishing leaves the stores as they were.
 */
public final class InMemoryProspectImports implements ProspectImports {
    private static final List<String> KEPT_WHEN_EMPTY = List.of("tin", "registration_number", "company_name");

    private final InMemoryCompanies companies;
    private final InMemoryContacts contacts;
    private final Clock clock;
    private final List<ImportRecord> records = new CopyOnWriteArrayList<>();
    private final Map<UUID, List<RowProblem>> errors = new ConcurrentHashMap<>();
    private final Map<String, UUID> contactKeys = new ConcurrentHashMap<>();

    public InMemoryProspectImports(InMemoryCompanies companies, InMemoryContacts contacts, Clock clock) {
        this.companies = companies;
        this.contacts = contacts;
        this.clock = clock;
    }

    @Override
    public Batch begin(Plan plan) {
        return new MemoryBatch(plan);
    }

    @Override
    public Optional<ImportRecord> previous(
            ClientId client, ProspectKind kind, String sha256, Optional<String> sessionKey, Optional<String> batchId) {
        return records.stream()
                .filter(r -> r.client().equals(client)
                        && r.kind() == kind
                        && r.sha256().equals(sha256)
                        && r.sessionKey().equals(sessionKey)
                        && r.batchId().equals(batchId))
                .max(Comparator.comparing(ImportRecord::finishedAt));
    }

    @Override
    public Optional<ImportRecord> byId(UUID id) {
        return records.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    @Override
    public Page<ImportRecord> list(ClientId client, PageRequest page) {
        Comparator<ImportRecord> newest = Comparator.comparing(ImportRecord::startedAt)
                .thenComparing(r -> r.id().toString())
                .reversed();
        List<ImportRecord> all = records.stream()
                .filter(r -> r.client().equals(client))
                .sorted(newest)
                .toList();
        int from = page.cursor().map(c -> indexAfter(all, c)).orElse(0);
        return Page.fromLookahead(
                all.subList(from, Math.min(all.size(), from + page.limit() + 1)),
                page.limit(),
                r -> Cursor.of(r.startedAt().toString(), r.id().toString()));
    }

    private static int indexAfter(List<ImportRecord> all, Cursor cursor) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().toString().equals(cursor.value(1))) {
                return i + 1;
            }
        }
        return all.size();
    }

    @Override
    public Page<RowProblem> errors(UUID importId, PageRequest page) {
        List<RowProblem> all = errors.getOrDefault(importId, List.of());
        int from = page.cursor().map(c -> Integer.parseInt(c.value(0))).orElse(0);
        List<RowProblem> slice = all.subList(Math.min(from, all.size()), Math.min(all.size(), from + page.limit() + 1));
        return Page.fromLookahead(slice, page.limit(), p -> Cursor.of(Integer.toString(from + page.limit())));
    }

    private final class MemoryBatch implements Batch {
        private final Plan plan;
        private final List<Row> rows = new ArrayList<>();
        private final List<RowProblem> problems = new ArrayList<>();

        private record Row(long line, FieldValues values) {}

        MemoryBatch(Plan plan) {
            this.plan = plan;
        }

        @Override
        public void add(long line, FieldValues values) {
            rows.add(new Row(line, values));
        }

        @Override
        public void reject(RowProblem problem) {
            problems.add(problem);
        }

        @Override
        public Applied finish(Finish finish, Consumer<RowProblem> rejected) {
            List<RowProblem> late = new ArrayList<>();
            Applied applied = plan.kind() == ProspectKind.COMPANIES ? companies(late) : contacts(late);
            late.forEach(rejected);
            if (!plan.dryRun()) {
                var counts = new ImportCounts(
                        finish.rowsRead(),
                        applied.inserted(),
                        applied.updated(),
                        applied.unchanged(),
                        finish.rowsRejectedBefore() + applied.rejected(),
                        applied.duplicatesInFile());
                records.add(new ImportRecord(
                        plan.importId(),
                        plan.client(),
                        plan.kind(),
                        finish.fileName(),
                        finish.sha256(),
                        finish.sessionKey(),
                        finish.batchId(),
                        counts,
                        finish.startedAt(),
                        clock.instant()));
                List<RowProblem> all = new ArrayList<>(problems);
                all.addAll(late);
                all.sort(Comparator.comparingLong(RowProblem::line));
                errors.put(plan.importId(), all);
            }
            return applied;
        }

        private Map<String, Row> lastPerKey(java.util.function.Function<Row, String> key) {
            Map<String, Row> last = new LinkedHashMap<>();
            for (Row row : rows) {
                last.put(key.apply(row), row);
            }
            return last;
        }

        private Applied companies(List<RowProblem> late) {
            Map<String, Row> last = lastPerKey(r -> r.values().get("tin") != null
                    ? "t" + r.values().get("tin")
                    : "r" + r.values().get("registration_number"));
            long duplicates = rows.size() - last.size();
            List<Row> kept = new ArrayList<>(last.values());
            kept.sort(Comparator.comparingLong(Row::line));
            Map<Object, Long> lastLineOfRegistration = new LinkedHashMap<>();
            kept.stream()
                    .filter(r -> r.values().get("registration_number") != null)
                    .forEach(r -> lastLineOfRegistration.put(r.values().get("registration_number"), r.line()));
            List<Company> inserts = new ArrayList<>();
            List<Company> updates = new ArrayList<>();
            long unchanged = 0;
            for (Row row : kept) {
                Object tin = row.values().get("tin");
                Object registration = row.values().get("registration_number");
                if (registration != null && lastLineOfRegistration.get(registration) != row.line()) {
                    late.add(new RowProblem(
                            row.line(),
                            "registration_number",
                            (String) registration,
                            "registration_number " + registration + " is also given to the company on line "
                                    + lastLineOfRegistration.get(registration)));
                    continue;
                }
                Optional<Company> holder = registration == null
                        ? Optional.empty()
                        : find(c -> registration.equals(c.values().get("registration_number")));
                if (tin != null
                        && holder.isPresent()
                        && !tin.equals(holder.get().values().get("tin"))) {
                    late.add(new RowProblem(
                            row.line(),
                            "registration_number",
                            (String) registration,
                            "registration_number "
                                    + registration + " already belongs to another company"
                                    + Optional.ofNullable(holder.get().values().get("tin"))
                                            .map(t -> " (tin " + t + ")")
                                            .orElse("")));
                    continue;
                }
                Optional<Company> existing =
                        tin != null ? find(c -> tin.equals(c.values().get("tin"))) : holder;
                if (existing.isEmpty()) {
                    inserts.add(new Company(
                            UUID.randomUUID(), plan.client(), row.values(), clock.instant(), clock.instant()));
                    continue;
                }
                FieldValues merged = merge(existing.get().values(), row.values());
                if (merged.equals(existing.get().values())) {
                    unchanged++;
                } else {
                    updates.add(new Company(
                            existing.get().id(),
                            plan.client(),
                            merged,
                            existing.get().createdAt(),
                            clock.instant()));
                }
            }
            if (!plan.dryRun()) {
                inserts.forEach(companies::insert);
                updates.forEach(companies::update);
            }
            return new Applied(inserts.size(), updates.size(), unchanged, late.size(), duplicates);
        }

        private Applied contacts(List<RowProblem> late) {
            Map<String, UUID> created = new LinkedHashMap<>();
            List<Company> newCompanies = new ArrayList<>();
            List<Row> resolved = new ArrayList<>();
            Map<Row, UUID> companyOf = new LinkedHashMap<>();
            for (Row row : rows) {
                Optional<UUID> company = resolve(row.values());
                String creationKey = row.values().get("company_tin") != null
                        ? "t" + row.values().get("company_tin")
                        : row.values().get("company_registration_number") != null
                                ? "r" + row.values().get("company_registration_number")
                                : null;
                if (company.isEmpty() && creationKey != null && row.values().get("company_name") != null) {
                    company = Optional.of(created.computeIfAbsent(creationKey, k -> {
                        UUID id = UUID.randomUUID();
                        Map<String, Object> values = new LinkedHashMap<>();
                        values.put("company_name", row.values().get("company_name"));
                        values.put("tin", row.values().get("company_tin"));
                        values.put("registration_number", row.values().get("company_registration_number"));
                        values.put("domain", row.values().get("company_domain"));
                        newCompanies.add(new Company(
                                id, plan.client(), new FieldValues(values), clock.instant(), clock.instant()));
                        return id;
                    }));
                }
                if (company.isEmpty()) {
                    late.add(notFound(row));
                    continue;
                }
                resolved.add(row);
                companyOf.put(row, company.get());
            }
            Map<String, Row> last = new LinkedHashMap<>();
            for (Row row : resolved) {
                last.put(key(companyOf.get(row), row.values()), row);
            }
            long duplicates = resolved.size() - last.size();
            List<Contact> inserts = new ArrayList<>();
            List<Contact> updates = new ArrayList<>();
            Map<String, UUID> newKeys = new LinkedHashMap<>();
            long unchanged = 0;
            for (Map.Entry<String, Row> entry : last.entrySet()) {
                Row row = entry.getValue();
                UUID company = companyOf.get(row);
                FieldValues values = stored(row.values());
                Optional<Contact> existing = Optional.ofNullable(contactKeys.get(plan.client() + entry.getKey()))
                        .flatMap(contacts::byId);
                if (existing.isEmpty()) {
                    UUID id = UUID.randomUUID();
                    newKeys.put(plan.client() + entry.getKey(), id);
                    inserts.add(new Contact(
                            id,
                            plan.client(),
                            Optional.of(company),
                            Optional.empty(),
                            Optional.empty(),
                            values,
                            clock.instant(),
                            clock.instant()));
                    continue;
                }
                Contact before = existing.get();
                FieldValues merged = merge(before.values(), values);
                if (merged.equals(before.values()) && before.companyId().equals(Optional.of(company))) {
                    unchanged++;
                } else {
                    updates.add(new Contact(
                            before.id(),
                            plan.client(),
                            Optional.of(company),
                            before.runId(),
                            before.dossierId(),
                            merged,
                            before.createdAt(),
                            clock.instant()));
                }
            }
            if (!plan.dryRun()) {
                newCompanies.forEach(companies::insert);
                inserts.forEach(contacts::insert);
                updates.forEach(contacts::update);
                contactKeys.putAll(newKeys);
            }
            return new Applied(inserts.size(), updates.size(), unchanged, late.size(), duplicates);
        }

        private FieldValues stored(FieldValues values) {
            Map<String, Object> kept = new LinkedHashMap<>();
            for (Field field : plan.given()) {
                kept.put(field.name(), values.get(field.name()));
            }
            return new FieldValues(kept);
        }

        private Optional<UUID> resolve(FieldValues v) {
            Object tin = v.get("company_tin");
            Object registration = v.get("company_registration_number");
            Object domain = v.get("company_domain");
            Object name = v.get("company_name");
            Optional<Company> found = tin == null
                    ? Optional.empty()
                    : find(c -> tin.equals(c.values().get("tin")));
            if (found.isEmpty() && registration != null) {
                found = find(c -> registration.equals(c.values().get("registration_number")));
            }
            if (found.isEmpty() && domain != null) {
                found = unique(c -> domain.equals(c.values().get("domain")));
            }
            if (found.isEmpty() && name != null) {
                String lower = ((String) name).toLowerCase(Locale.ROOT);
                found = unique(c ->
                        c.name() != null && c.name().toLowerCase(Locale.ROOT).equals(lower));
            }
            return found.map(Company::id);
        }

        private RowProblem notFound(Row row) {
            FieldValues v = row.values();
            String column = v.get("company_tin") != null
                    ? "company_tin"
                    : v.get("company_registration_number") != null
                            ? "company_registration_number"
                            : v.get("company_domain") != null ? "company_domain" : "company_name";
            List<String> given = new ArrayList<>();
            for (String name :
                    List.of("company_tin", "company_registration_number", "company_domain", "company_name")) {
                if (v.get(name) != null) {
                    given.add(name + " " + v.get(name));
                }
            }
            return new RowProblem(
                    row.line(),
                    column,
                    (String) v.get(column),
                    "company not found: no single company of this client has " + String.join(", ", given)
                            + "; give company_name with company_tin or company_registration_number to create it");
        }

        private static String key(UUID company, FieldValues v) {
            Object email = v.get("work_email");
            return company
                    + (email != null
                            ? ":e:" + ((String) email).toLowerCase(Locale.ROOT)
                            : ":n:" + Objects.toString(v.get("full_name"), "").toLowerCase(Locale.ROOT));
        }

        private Optional<Company> find(Predicate<Company> match) {
            return companies.rows.values().stream()
                    .filter(c -> c.client().equals(plan.client()))
                    .filter(match)
                    .findFirst();
        }

        private Optional<Company> unique(Predicate<Company> match) {
            List<Company> found = companies.rows.values().stream()
                    .filter(c -> c.client().equals(plan.client()))
                    .filter(match)
                    .limit(2)
                    .toList();
            return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
        }

        /** The given fields laid over the stored row; an empty key or defaulted cell keeps what is stored. */
        private FieldValues merge(FieldValues stored, FieldValues given) {
            Map<String, Object> merged = new LinkedHashMap<>(stored.values());
            for (Field field : plan.given()) {
                Object value = given.get(field.name());
                boolean keep =
                        value == null && (field.defaultValue().isPresent() || KEPT_WHEN_EMPTY.contains(field.name()));
                if (!keep) {
                    merged.put(field.name(), value);
                }
            }
            return new FieldValues(merged);
        }

        @Override
        public void close() {
            rows.clear();
        }
    }
}
