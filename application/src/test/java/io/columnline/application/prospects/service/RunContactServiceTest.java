package io.columnline.application.prospects.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.application.publishing.contract.DossierFixtures;
import io.columnline.application.publishing.service.PublishWorld;
import io.columnline.domain.dossier.ContactDraft;
import io.columnline.domain.dossier.PublishOptions;
import io.columnline.domain.error.Conflict;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.error.Violation;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.prospect.Company;
import io.columnline.domain.prospect.Contact;
import io.columnline.domain.prospect.FieldValues;
import io.columnline.domain.run.Run;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunContactServiceTest {
    private final PublishWorld w = new PublishWorld();

    private static ContactDraft person(String name, String email, String position) {
        return new ContactDraft(name, null, null, position, email, null, null, null, null, null);
    }

    @Test
    void the_same_person_by_email_or_else_name_is_updated_not_duplicated() {
        Run run = w.written("Acme", "acme.com");
        var first = w.contactService.add(
                w.acmeKey,
                run.id(),
                List.of(person("Jane Doe", null, "CTO"), person("John Roe", "John.Roe@ACME.com", "CEO")));
        assertThat(first).allMatch(s -> s.created());

        var second = w.contactService.add(
                w.acmeKey,
                run.id(),
                List.of(
                        person(" jane   DOE ", "jane@acme.com", null),
                        person("Johnny Roe", "john.roe@acme.com", "Chief Executive"),
                        person("Jane Doe", null, "Chief Technology Officer")));
        assertThat(second).noneMatch(s -> s.created());

        List<Contact> stored = w.contactService.ofRun(w.acmeKey, run.id());
        assertThat(stored).hasSize(2);
        FieldValues jane = stored.stream()
                .map(Contact::values)
                .filter(v -> "jane@acme.com".equals(v.get("work_email")))
                .findFirst()
                .orElseThrow();
        assertThat(jane.get("full_name")).isEqualTo("Jane Doe");
        assertThat(jane.get("work_email")).isEqualTo("jane@acme.com");
        assertThat(jane.get("position")).isEqualTo("Chief Technology Officer");
        assertThat(jane.get("company_name")).isEqualTo("Acme");
        assertThat(stored).extracting(c -> c.values().get("full_name")).contains("Johnny Roe");

        var namesake =
                w.contactService.add(w.acmeKey, run.id(), List.of(person("Jane Doe", "other.jane@acme.com", null)));
        assertThat(namesake.get(0).created()).isTrue();
    }

    @Test
    void contacts_are_checked_all_at_once_and_nothing_is_written_when_one_is_bad() {
        Run run = w.written("Acme", "acme.com");
        var bad =
                new ContactDraft(null, null, null, null, "not an address", null, List.of("ok", " "), null, null, null);
        assertThatThrownBy(() -> w.contactService.add(w.acmeKey, run.id(), List.of(person("Fine", null, null), bad)))
                .isInstanceOfSatisfying(
                        Invalid.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly(
                                        "contacts[1].full_name",
                                        "contacts[1].work_email",
                                        "contacts[1].phone_numbers[1]"));
        assertThatThrownBy(() -> w.contactService.add(w.acmeKey, run.id(), List.of()))
                .isInstanceOf(Invalid.class);
        assertThat(w.contactService.ofRun(w.acmeKey, run.id())).isEmpty();
        assertThatThrownBy(() -> w.contactService.ofRun(w.betaKey, run.id())).isInstanceOf(NotFound.class);
    }

    @Test
    void contacts_link_to_the_client_s_prospect_company_and_publish_attaches_them_to_the_dossier() {
        Company prospect = new Company(
                UUID.randomUUID(),
                w.acme.id(),
                new FieldValues(Map.of("company_name", "Acme", "domain", "acme.com")),
                w.clock.instant(),
                w.clock.instant());
        w.companies.insert(prospect);
        Run run = w.written("Acme", "https://www.acme.com");
        w.contactService.add(
                w.acmeKey,
                run.id(),
                List.of(new ContactDraft(
                        "Jane Doe",
                        "Jane",
                        "Doe",
                        "CTO",
                        "jane@acme.com",
                        "info@acme.com",
                        List.of("+1 555 0100"),
                        "https://linkedin.com/in/jane",
                        List.of("https://acme.com/team"),
                        new JsonDocument("{\"persona\":\"technical\"}"))));

        var dossier = w.publishService
                .publish(w.acmeKey, run.id(), PublishOptions.DEFAULT)
                .dossier();
        assertThat(dossier.contacts()).singleElement().satisfies(c -> {
            assertThat(c.dossierId()).contains(dossier.dossier().id().value());
            assertThat(c.companyId()).contains(prospect.id());
            assertThat(c.values().get("phone_numbers")).isEqualTo(List.of("+1 555 0100"));
        });
        assertThat(w.dossierService.get(w.acmeKey, dossier.dossier().id()).contacts())
                .hasSize(1);
        assertThatThrownBy(() -> w.contactService.add(w.acmeKey, run.id(), List.of(person("Late", null, null))))
                .isInstanceOf(Conflict.class);
        Run other = w.run(w.acmeKey, DossierFixtures.seed("Nobody", "nobody.com"));
        var saved = w.contactService.add(w.acmeKey, other.id(), List.of(person("X", null, null)));
        assertThat(saved.get(0).contact().companyId()).isEmpty();
    }
}
