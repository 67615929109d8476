package io.columnline.application.prospects.memory;

import io.columnline.application.prospects.port.out.Contacts;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.prospect.Audience;
import io.columnline.domain.prospect.CampaignStats;
import io.columnline.domain.prospect.Company;
import io.columnline.domain.prospect.Contact;
import io.columnline.domain.prospect.ProspectKind;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryContacts implements Contacts {
    final Map<UUID, Contact> rows = new ConcurrentHashMap<>();
    private final InMemoryCompanies companies;

    public InMemoryContacts(InMemoryCompanies companies) {
        this.companies = companies;
    }

    @Override
    public void insert(Contact c) {
        rows.put(
                c.id(),
                new Contact(
                        c.id(),
                        c.client(),
                        c.companyId(),
                        c.runId(),
                        c.dossierId(),
                        c.values().complete(ProspectKind.CONTACTS),
                        c.createdAt(),
                        c.updatedAt()));
    }

    @Override
    public Optional<Contact> byId(UUID id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Contact update(Contact c) {
        Contact before = rows.get(c.id());
        var after = new Contact(
                c.id(),
                before.client(),
                c.companyId(),
                c.runId(),
                c.dossierId(),
                c.values().complete(ProspectKind.CONTACTS),
                before.createdAt(),
                c.updatedAt());
        if (!after.values().equals(before.values())
                || !after.companyId().equals(before.companyId())
                || !after.runId().equals(before.runId())
                || !after.dossierId().equals(before.dossierId())) {
            rows.put(c.id(), after);
        }
        return rows.get(c.id());
    }

    @Override
    public Page<Contact> list(ClientId client, Map<String, Object> equal, PageRequest page) {
        String after = page.cursor().map(c -> c.value(0)).orElse("");
        List<Contact> found = rows.values().stream()
                .filter(c -> c.client().equals(client))
                .filter(c -> equal.entrySet().stream()
                        .allMatch(e -> e.getKey().equals("company_id")
                                ? c.companyId().equals(Optional.of(e.getValue()))
                                : Objects.equals(c.values().get(e.getKey()), e.getValue())))
                .filter(c -> c.id().toString().compareTo(after) > 0)
                .sorted(Comparator.comparing(c -> c.id().toString()))
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromLookahead(found, page.limit(), c -> Cursor.of(c.id().toString()));
    }

    @Override
    public Page<Member> audience(ClientId client, Audience a, PageRequest page) {
        String after = page.cursor().map(c -> c.value(0)).orElse("");
        List<Member> found = rows.values().stream()
                .filter(k -> k.client().equals(client) && k.companyId().isPresent())
                .filter(k -> k.id().toString().compareTo(after) > 0)
                .map(k -> new Member(k, companies.rows.get(k.companyId().get())))
                .filter(m -> m.company() != null && m.company().client().equals(client))
                .filter(m -> matches(m, a))
                .sorted(Comparator.comparing(m -> m.contact().id().toString()))
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromLookahead(
                found, page.limit(), m -> Cursor.of(m.contact().id().toString()));
    }

    private static boolean matches(Member m, Audience a) {
        Company c = m.company();
        Contact k = m.contact();
        String position = (String) k.values().get("position");
        return a.segment().map(v -> v.equals(c.values().get("segment"))).orElse(true)
                && a.smeRegistry()
                        .map(v -> v.equals(c.values().get("sme_registry")))
                        .orElse(true)
                && a.status().map(v -> v.equals(c.values().get("status"))).orElse(true)
                && a.region().map(v -> v.equals(c.values().get("region"))).orElse(true)
                && a.positionContains()
                        .map(v -> position != null
                                && position.toLowerCase(Locale.ROOT).contains(v.toLowerCase(Locale.ROOT)))
                        .orElse(true)
                && a.processingStatus()
                        .map(v -> v.equals(k.values().get("processing_status")))
                        .orElse(true)
                && a.hasEmail()
                        .map(v -> v == (k.values().get("work_email") != null))
                        .orElse(true)
                && (a.includeSuppressed() || !k.suppressed());
    }

    @Override
    public List<CampaignStats> campaignStats(ClientId client) {
        Map<String, long[]> byCampaign = new TreeMap<>(Comparator.reverseOrder());
        rows.values().stream()
                .filter(k -> k.client().equals(client) && k.values().get("campaign_number") != null)
                .forEach(k -> {
                    long[] n = byCampaign.computeIfAbsent((String) k.values().get("campaign_number"), x -> new long[4]);
                    n[0]++;
                    n[1] += Boolean.TRUE.equals(k.values().get("reply_bounce")) ? 1 : 0;
                    n[2] += Boolean.TRUE.equals(k.values().get("reply_unsubscribe")) ? 1 : 0;
                    n[3] += Boolean.TRUE.equals(k.values().get("reply_info_request")) ? 1 : 0;
                });
        return byCampaign.entrySet().stream()
                .map(e -> new CampaignStats(
                        e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .toList();
    }
}
