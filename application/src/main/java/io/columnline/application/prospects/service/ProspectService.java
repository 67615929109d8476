package io.columnline.application.prospects.service;

import io.columnline.application.prospects.port.in.ProspectsUseCase;
import io.columnline.application.prospects.port.out.Companies;
import io.columnline.application.prospects.port.out.Contacts;
import io.columnline.application.prospects.port.out.Contacts.Member;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.shared.Transactions;
import io.columnline.application.tenancy.port.in.ClientAccess;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.error.Violations;
import io.columnline.domain.prospect.Audience;
import io.columnline.domain.prospect.BadValue;
import io.columnline.domain.prospect.Company;
import io.columnline.domain.prospect.Contact;
import io.columnline.domain.prospect.Field;
import io.columnline.domain.prospect.FieldValues;
import io.columnline.domain.prospect.ProspectKind;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

public final class ProspectService implements ProspectsUseCase {
    static final Set<String> COMPANY_FILTERS = Set.of(
            "segment",
            "status",
            "region",
            "sme_registry",
            "processing_status",
            "session_key",
            "batch_id",
            "tin",
            "registration_number",
            "domain",
            "office_qualification",
            "source");
    static final Set<String> CONTACT_FILTERS = Set.of(
            "company_id",
            "processing_status",
            "campaign_number",
            "campaign_status",
            "client_status",
            "outreach_type",
            "work_email",
            "company_session_key",
            "employee_session_key",
            "test_status",
            "source_service");

    private final Companies companies;
    private final Contacts contacts;
    private final ClientAccess access;
    private final Transactions transactions;
    private final Clock clock;

    @Inject
    public ProspectService(
            Companies companies, Contacts contacts, ClientAccess access, Transactions transactions, Clock clock) {
        this.companies = companies;
        this.contacts = contacts;
        this.access = access;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Company company(Caller caller, UUID id) {
        return companies.byId(id).filter(c -> caller.canSee(c.client())).orElseThrow(() -> new NotFound("company", id));
    }

    @Override
    public Page<Company> companies(
            Caller caller, Optional<ClientSlug> client, Map<String, String> filters, PageRequest page) {
        var owner = access.chosen(caller, client);
        return companies.list(owner.id(), filters(ProspectKind.COMPANIES, COMPANY_FILTERS, filters), page);
    }

    @Override
    public Company patchCompany(Caller caller, UUID id, Map<String, String> values) {
        FieldValues patch = patch(ProspectKind.COMPANIES, values);
        return transactions.inTransaction(() -> {
            Company before = company(caller, id);
            FieldValues after = before.values().with(patch);
            if (patch.has("website") && !patch.has("domain")) {
                after = after.with("domain", domainOf((String) after.get("website")));
            }
            return companies.update(new Company(id, before.client(), after, before.createdAt(), clock.instant()));
        });
    }

    @Override
    public Contact contact(Caller caller, UUID id) {
        return contacts.byId(id).filter(c -> caller.canSee(c.client())).orElseThrow(() -> new NotFound("contact", id));
    }

    @Override
    public Page<Contact> contacts(
            Caller caller, Optional<ClientSlug> client, Map<String, String> filters, PageRequest page) {
        var owner = access.chosen(caller, client);
        Map<String, String> rest = new LinkedHashMap<>(filters);
        String companyId = rest.remove("company_id");
        Map<String, Object> equal = filters(ProspectKind.CONTACTS, CONTACT_FILTERS, rest);
        if (companyId != null) {
            try {
                equal.put("company_id", UUID.fromString(companyId));
            } catch (IllegalArgumentException e) {
                throw new Invalid("company_id", "must be a company id (a UUID)");
            }
        }
        return contacts.list(owner.id(), equal, page);
    }

    @Override
    public Contact patchContact(Caller caller, UUID id, Map<String, String> values) {
        FieldValues patch = patch(ProspectKind.CONTACTS, values);
        return transactions.inTransaction(() -> {
            Contact before = contact(caller, id);
            return contacts.update(new Contact(
                    id,
                    before.client(),
                    before.companyId(),
                    before.runId(),
                    before.dossierId(),
                    before.values().with(patch),
                    before.createdAt(),
                    clock.instant()));
        });
    }

    @Override
    public Page<Member> audience(Caller caller, Optional<ClientSlug> client, Audience audience, PageRequest page) {
        return contacts.audience(access.chosen(caller, client).id(), audience, page);
    }

    /** Reads a patch: every name must be a stored field, every value must read as its type. */
    static FieldValues patch(ProspectKind kind, Map<String, String> values) {
        var problems = new Violations();
        Map<String, Object> parsed = new LinkedHashMap<>();
        if (values.isEmpty()) {
            throw new Invalid("body", "name at least one field to change");
        }
        values.forEach((name, raw) -> {
            Optional<Field> field = kind.field(name).filter(Field::stored);
            if (field.isEmpty()) {
                problems.add(
                        name,
                        "is not a field of " + kind.key() + "; expected one of "
                                + String.join(
                                        ", ",
                                        kind.storedFields().stream()
                                                .map(Field::name)
                                                .toList()));
                return;
            }
            try {
                Object value = field.get().parse(raw);
                if (value == null && required(kind, field.get())) {
                    problems.add(name, "cannot be empty");
                }
                parsed.put(name, value);
            } catch (BadValue e) {
                problems.add(name, e.getMessage());
            }
        });
        problems.throwIfAny();
        return new FieldValues(parsed);
    }

    static boolean required(ProspectKind kind, Field field) {
        return field.defaultValue().isPresent()
                || kind == ProspectKind.COMPANIES && field.name().equals("company_name");
    }

    private static Map<String, Object> filters(ProspectKind kind, Set<String> allowed, Map<String, String> filters) {
        var problems = new Violations();
        Map<String, Object> equal = new LinkedHashMap<>();
        filters.forEach((name, raw) -> {
            if (!allowed.contains(name)) {
                problems.add(
                        name,
                        "is not a filter of " + kind.key() + "; use one of "
                                + String.join(", ", allowed.stream().sorted().toList()));
                return;
            }
            try {
                Object value = kind.field(name).orElseThrow().parse(raw);
                if (value != null) {
                    equal.put(name, value);
                }
            } catch (BadValue e) {
                problems.add(name, e.getMessage());
            }
        });
        problems.throwIfAny();
        return equal;
    }

    private static String domainOf(String website) {
        if (website == null) {
            return null;
        }
        try {
            return (String) ProspectKind.COMPANIES.field("domain").orElseThrow().parse(website);
        } catch (BadValue e) {
            return null;
        }
    }
}
