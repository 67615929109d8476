package io.columnline.application.prospects.service;

import io.columnline.application.prospects.port.in.CampaignsUseCase;
import io.columnline.application.prospects.port.out.Contacts;
import io.columnline.application.shared.Transactions;
import io.columnline.application.tenancy.port.in.ClientAccess;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.error.Violations;
import io.columnline.domain.prospect.BadValue;
import io.columnline.domain.prospect.CampaignStats;
import io.columnline.domain.prospect.Contact;
import io.columnline.domain.prospect.FieldValues;
import io.columnline.domain.prospect.ProspectKind;
import io.columnline.domain.prospect.ReplyKind;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public final class CampaignService implements CampaignsUseCase {
    static final int MAX_CONTACTS = 1000;

    private final Contacts contacts;
    private final ClientAccess access;
    private final Transactions transactions;
    private final Clock clock;

    @Inject
    public CampaignService(Contacts contacts, ClientAccess access, Transactions transactions, Clock clock) {
        this.contacts = contacts;
        this.access = access;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Enqueued enqueue(Caller caller, String campaignNumber, List<UUID> contactIds, String outreachType) {
        var problems = new Violations();
        if (campaignNumber == null || campaignNumber.isBlank() || campaignNumber.length() > 100) {
            problems.add("campaign_number", "must be 1 to 100 characters");
        }
        if (contactIds == null || contactIds.isEmpty() || contactIds.size() > MAX_CONTACTS) {
            problems.add("contact_ids", "must list 1 to " + MAX_CONTACTS + " contact ids");
        }
        Object type = null;
        try {
            type = ProspectKind.CONTACTS.field("outreach_type").orElseThrow().parse(outreachType);
            if (type == null) {
                problems.add("outreach_type", "is required: marketing or sales");
            }
        } catch (BadValue e) {
            problems.add("outreach_type", e.getMessage());
        }
        problems.throwIfAny();
        Object outreach = type;
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            List<UUID> queued = new ArrayList<>();
            List<UUID> suppressed = new ArrayList<>();
            List<UUID> notFound = new ArrayList<>();
            for (UUID id : new LinkedHashSet<>(contactIds)) {
                Optional<Contact> found = contacts.byId(id).filter(c -> caller.canSee(c.client()));
                if (found.isEmpty()) {
                    notFound.add(id);
                    continue;
                }
                Contact contact = found.get();
                if (contact.suppressed()) {
                    suppressed.add(id);
                    continue;
                }
                FieldValues values = contact.values()
                        .with("campaign_number", campaignNumber.strip())
                        .with("campaign_status", "queued")
                        .with("outreach_sent_date", now)
                        .with("outreach_type", outreach);
                contacts.update(withValues(contact, values, now));
                queued.add(id);
            }
            return new Enqueued(campaignNumber.strip(), queued, suppressed, notFound);
        });
    }

    @Override
    public Contact reply(Caller caller, UUID contactId, ReplyKind kind) {
        return transactions.inTransaction(() -> {
            Contact contact = contacts.byId(contactId)
                    .filter(c -> caller.canSee(c.client()))
                    .orElseThrow(() -> new NotFound("contact", contactId));
            if (Boolean.TRUE.equals(contact.values().get(kind.field()))) {
                return contact;
            }
            return contacts.update(withValues(contact, contact.values().with(kind.field(), true), clock.instant()));
        });
    }

    @Override
    public List<CampaignStats> stats(Caller caller, Optional<ClientSlug> client) {
        return contacts.campaignStats(access.chosen(caller, client).id());
    }

    private static Contact withValues(Contact c, FieldValues values, Instant now) {
        return new Contact(c.id(), c.client(), c.companyId(), c.runId(), c.dossierId(), values, c.createdAt(), now);
    }
}
