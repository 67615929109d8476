package io.columnline.application.prospects.contract;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.prospects.port.out.AiInteractions;
import io.columnline.application.prospects.port.out.Companies;
import io.columnline.application.prospects.port.out.Contacts;
import io.columnline.application.shared.Fixtures;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.domain.client.Client;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.prospect.AiInteraction;
import io.columnline.domain.prospect.Audience;
import io.columnline.domain.prospect.CampaignStats;
import io.columnline.domain.prospect.Company;
import io.columnline.domain.prospect.Contact;
import io.columnline.domain.prospect.FieldValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Companies, contacts (with audiences and campaign stats) and AI interactions, for every adapter. */
public abstract class ProspectsContract {
    protected abstract Companies companies();

    protected abstract Contacts contacts();

    protected abstract AiInteractions interactions();

    protected abstract Clients clients();

    private Client client;

    @BeforeEach
    void client() {
        client = Fixtures.client("acme");
        clients().save(client);
    }

    private static FieldValues values(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return new FieldValues(map);
    }

    private Company company(String name, String segment, boolean sme) {
        var company = new Company(
                UUID.randomUUID(),
                client.id(),
                values(
                        "company_name",
                        name,
                        "segment",
                        segment,
                        "sme_registry",
                        sme,
                        "revenue",
                        new BigDecimal("1234.5"),
                        "registration_date",
                        LocalDate.of(2020, 11, 22),
                        "all_company_emails",
                        List.of("a@x.ru", "b@x.ru")),
                NOW,
                NOW);
        companies().insert(company);
        return company;
    }

    private Contact contact(Company company, String name, String position, Object... more) {
        var values = values("full_name", name, "position", position).with(values(more));
        var contact = new Contact(
                UUID.randomUUID(),
                client.id(),
                Optional.of(company.id()),
                Optional.empty(),
                Optional.empty(),
                values,
                NOW,
                NOW);
        contacts().insert(contact);
        return contact;
    }

    @Test
    void a_company_comes_back_with_every_field_and_defaults_and_updates_only_when_it_changed() {
        Company alpha = company("Alpha", "Fintech", true);
        Company stored = companies().byId(alpha.id()).orElseThrow();
        assertThat(stored.values())
                .isEqualTo(alpha.values().complete(io.columnline.domain.prospect.ProspectKind.COMPANIES));
        assertThat(stored.values().get("status")).isEqualTo("Active");

        Company same =
                companies().update(new Company(alpha.id(), client.id(), stored.values(), NOW, NOW.plusSeconds(60)));
        assertThat(same.updatedAt()).isEqualTo(NOW);
        Company changed = companies()
                .update(new Company(
                        alpha.id(), client.id(), stored.values().with("segment", "Retail"), NOW, NOW.plusSeconds(60)));
        assertThat(changed.updatedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(companies()
                        .list(client.id(), Map.of("segment", "Retail"), PageRequest.first(10))
                        .items())
                .containsExactly(changed);
    }

    @Test
    void the_audience_joins_companies_matches_position_as_a_substring_and_leaves_out_the_suppressed() {
        Company fintech = company("Alpha", "Fintech", true);
        Company retail = company("Beta", "Retail", true);
        Contact cto = contact(
                fintech,
                "Ivan",
                "Deputy CTO",
                "work_email",
                "ivan@alpha.ru",
                "ai_research_data",
                new JsonDocument("{\"a\":1}"));
        contact(fintech, "Olga", "CFO");
        contact(retail, "Petr", "CTO");
        Contact bounced = contact(fintech, "Anna", "cto", "reply_bounce", true);

        var audience = new Audience(
                Optional.of("Fintech"),
                Optional.of(true),
                Optional.of("Active"),
                Optional.empty(),
                Optional.of("CTO"),
                Optional.of("pending"),
                Optional.empty(),
                false);
        var page = contacts().audience(client.id(), audience, PageRequest.first(10));
        assertThat(page.items()).extracting(m -> m.contact().id()).containsExactly(cto.id());
        assertThat(page.items().get(0).company().id()).isEqualTo(fintech.id());

        var withSuppressed = new Audience(
                Optional.of("Fintech"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of("cto"),
                Optional.empty(),
                Optional.empty(),
                true);
        assertThat(contacts()
                        .audience(client.id(), withSuppressed, PageRequest.first(10))
                        .items())
                .extracting(m -> m.contact().id())
                .containsExactlyInAnyOrder(cto.id(), bounced.id());
        var withEmail = new Audience(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(true),
                false);
        assertThat(contacts()
                        .audience(client.id(), withEmail, PageRequest.first(10))
                        .items())
                .hasSize(1);
    }

    @Test
    void campaign_stats_count_contacts_and_replies_per_campaign() {
        Company alpha = company("Alpha", "Fintech", true);
        contact(alpha, "A", "CTO", "campaign_number", "C-1", "reply_bounce", true);
        contact(alpha, "B", "CTO", "campaign_number", "C-1", "reply_info_request", true);
        contact(alpha, "C", "CTO", "campaign_number", "C-2", "reply_unsubscribe", true);
        contact(alpha, "D", "CTO");
        assertThat(contacts().campaignStats(client.id()))
                .containsExactly(new CampaignStats("C-2", 1, 0, 1, 0), new CampaignStats("C-1", 2, 1, 0, 1));
    }

    @Test
    void a_contact_update_changes_updated_at_only_when_a_value_changed() {
        Contact ivan = contact(company("Alpha", "Fintech", true), "Ivan", "CTO");
        Contact stored = contacts().byId(ivan.id()).orElseThrow();
        Contact same = contacts()
                .update(new Contact(
                        ivan.id(),
                        client.id(),
                        stored.companyId(),
                        Optional.empty(),
                        Optional.empty(),
                        stored.values(),
                        NOW,
                        NOW.plusSeconds(5)));
        assertThat(same.updatedAt()).isEqualTo(NOW);
        Contact changed = contacts()
                .update(new Contact(
                        ivan.id(),
                        client.id(),
                        stored.companyId(),
                        Optional.empty(),
                        Optional.empty(),
                        stored.values().with("reply_bounce", true),
                        NOW,
                        NOW.plusSeconds(5)));
        assertThat(changed.suppressed()).isTrue();
        assertThat(changed.updatedAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void ai_interactions_are_listed_oldest_first_by_session_or_conversation() {
        var first = new AiInteraction(
                UUID.randomUUID(),
                client.id(),
                Optional.of("s1"),
                Optional.of("c1"),
                "p1",
                Optional.of("r1"),
                Optional.of("gpt"),
                Optional.of(new BigDecimal("0.5")),
                NOW);
        var second = new AiInteraction(
                UUID.randomUUID(),
                client.id(),
                Optional.of("s1"),
                Optional.of("c2"),
                "p2",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                NOW.plusSeconds(1));
        interactions().insert(second);
        interactions().insert(first);
        var page = interactions().list(client.id(), Optional.of("s1"), Optional.empty(), PageRequest.first(1));
        assertThat(page.items()).containsExactly(first);
        assertThat(interactions()
                        .list(client.id(), Optional.of("s1"), Optional.empty(), new PageRequest(1, page.next()))
                        .items())
                .containsExactly(second);
        assertThat(interactions()
                        .list(client.id(), Optional.empty(), Optional.of("c2"), PageRequest.first(10))
                        .items())
                .containsExactly(second);
    }
}
