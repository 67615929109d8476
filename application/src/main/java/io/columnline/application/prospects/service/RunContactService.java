package io.columnline.application.prospects.service;

import io.columnline.application.prospects.port.in.DossierContacts;
import io.columnline.application.prospects.port.in.RunContactsUseCase;
import io.columnline.application.prospects.port.out.Companies;
import io.columnline.application.prospects.port.out.Contacts;
import io.columnline.application.prospects.port.out.RunContacts;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.shared.Transactions;
import io.columnline.application.shared.Uuids;
import io.columnline.application.tracking.port.in.RunAccess;
import io.columnline.application.tracking.port.out.FoundContacts;
import io.columnline.domain.access.Caller;
import io.columnline.domain.dossier.Company;
import io.columnline.domain.dossier.ContactDraft;
import io.columnline.domain.dossier.DossierId;
import io.columnline.domain.error.Conflict;
import io.columnline.domain.prospect.Contact;
import io.columnline.domain.prospect.FieldValues;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.RunStatus;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Contacts of a run are written with the run row locked, so two requests adding the same person
 * one after the other update one contact instead of racing to insert two.
 */
public final class RunContactService implements RunContactsUseCase, DossierContacts, FoundContacts {
    private final Contacts contacts;
    private final RunContacts runContacts;
    private final Companies companies;
    private final RunAccess runs;
    private final Transactions transactions;
    private final Clock clock;

    @Inject
    public RunContactService(
            Contacts contacts,
            RunContacts runContacts,
            Companies companies,
            RunAccess runs,
            Transactions transactions,
            Clock clock) {
        this.contacts = contacts;
        this.runContacts = runContacts;
        this.companies = companies;
        this.runs = runs;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public List<Saved> add(Caller caller, RunId id, List<ContactDraft> drafts) {
        List<FieldValues> checked = ContactDraft.check(drafts);
        return transactions.inTransaction(() -> {
            Run run = runs.locked(caller, id);
            if (run.status() == RunStatus.FAILED || run.status() == RunStatus.PUBLISHED) {
                throw new Conflict("run " + id + " is already " + run.status().wire()
                        + "; contacts can be added while it is running or completed");
            }
            Instant now = clock.instant();
            List<Contact> known = new ArrayList<>(runContacts.ofRun(run.id()));
            Optional<UUID> company = prospectCompany(run);
            Set<UUID> created = new HashSet<>();
            List<Saved> saved = new ArrayList<>();
            for (FieldValues values : checked) {
                Optional<Contact> before = known.stream()
                        .filter(c -> ContactDraft.samePerson(c, values))
                        .findFirst();
                Contact after;
                if (before.isEmpty()) {
                    Contact fresh = new Contact(
                            UUID.randomUUID(),
                            run.client(),
                            company,
                            Optional.of(run.id().value()),
                            Optional.empty(),
                            run.seed().companyName() == null
                                    ? values
                                    : values.with("company_name", run.seed().companyName()),
                            now,
                            now);
                    contacts.insert(fresh);
                    after = contacts.byId(fresh.id()).orElseThrow();
                    created.add(after.id());
                } else {
                    Contact b = before.get();
                    after = contacts.update(new Contact(
                            b.id(),
                            b.client(),
                            b.companyId(),
                            b.runId(),
                            b.dossierId(),
                            b.values().with(values),
                            b.createdAt(),
                            now));
                    known.remove(b);
                }
                known.add(after);
                saved.add(new Saved(after, created.contains(after.id())));
            }
            return saved;
        });
    }

    /** The contacts a step's {@code contacts} effect found, through the same rules as {@link #add}. */
    @Override
    public int addFound(Caller caller, RunId run, List<ContactDraft> people) {
        add(caller, run, people);
        return runContacts.ofRun(run).size();
    }

    @Override
    public List<Contact> ofRun(Caller caller, RunId id) {
        return transactions.inTransaction(
                () -> runContacts.ofRun(runs.visible(caller, id).id()));
    }

    @Override
    public Map<DossierId, List<Contact>> ofDossiers(Collection<DossierId> dossiers) {
        return runContacts.ofDossiers(dossiers);
    }

    /** The client's prospect company the run researches: the seed's company id, else the same domain. */
    private Optional<UUID> prospectCompany(Run run) {
        Optional<UUID> named = run.seed()
                .companyId()
                .flatMap(Uuids::parse)
                .flatMap(companies::byId)
                .filter(c -> c.client().equals(run.client()))
                .map(io.columnline.domain.prospect.Company::id);
        if (named.isPresent()) {
            return named;
        }
        if (run.seed().domain() == null) {
            return Optional.empty();
        }
        String domain = Company.normalizeDomain(run.seed().domain());
        if (domain.isEmpty()) {
            return Optional.empty();
        }
        return companies.list(run.client(), Map.of("domain", domain), PageRequest.first(1)).items().stream()
                .findFirst()
                .map(io.columnline.domain.prospect.Company::id);
    }
}
