package io.columnline.application.prospects.contract;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.prospects.port.out.Contacts;
import io.columnline.application.prospects.port.out.RunContacts;
import io.columnline.application.publishing.contract.DossierFixtures;
import io.columnline.application.publishing.port.out.Batches;
import io.columnline.application.publishing.port.out.Dossiers;
import io.columnline.application.shared.Fixtures;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.domain.batch.Batch;
import io.columnline.domain.client.Client;
import io.columnline.domain.dossier.Dossier;
import io.columnline.domain.dossier.DossierId;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.prospect.Contact;
import io.columnline.domain.prospect.FieldValues;
import io.columnline.domain.run.Run;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link RunContacts} adapter must do; run against the in-memory and the Postgres one. */
public abstract class RunContactsContract {
    protected abstract RunContacts runContacts();

    protected abstract Contacts contacts();

    protected abstract Dossiers dossiers();

    protected abstract Batches batches();

    protected abstract Runs runs();

    protected abstract Clients clients();

    /** A contact the run found, created at {@code seconds} after NOW. */
    public static Contact found(Run run, String name, String email, int seconds) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("full_name", name);
        values.put("work_email", email);
        values.put("phone_numbers", List.of("+49 30 1234", "+49 171 5555"));
        values.put("ai_research_data", new JsonDocument("{\"persona\":\"buyer\"}"));
        return new Contact(
                UUID.randomUUID(),
                run.client(),
                Optional.empty(),
                Optional.of(run.id().value()),
                Optional.empty(),
                new FieldValues(values),
                NOW.plusSeconds(seconds),
                NOW.plusSeconds(seconds));
    }

    @Test
    void a_run_s_contacts_are_read_oldest_first_and_attached_to_its_dossier() {
        Client client = Fixtures.client("rcc-" + UUID.randomUUID().toString().substring(0, 8));
        clients().save(client);
        Run run = DossierFixtures.run(client, DossierFixtures.seed("Acme", "acme.com"), NOW);
        runs().insert(run);
        Run other = DossierFixtures.run(client, DossierFixtures.seed("Beta", "beta.com"), NOW);
        runs().insert(other);
        Contact second = found(run, "Bea Second", null, 2);
        Contact first = found(run, "Al First", "al@acme.com", 1);
        contacts().insert(second);
        contacts().insert(first);
        contacts().insert(found(other, "Not Mine", null, 0));

        assertThat(runContacts().ofRun(run.id()))
                .extracting(c -> c.values().get("full_name"))
                .containsExactly("Al First", "Bea Second");
        assertThat(runContacts().ofRun(run.id()).get(0).values().get("phone_numbers"))
                .isEqualTo(List.of("+49 30 1234", "+49 171 5555"));

        Batch batch = DossierFixtures.batch(client, run);
        batches().insert(batch);
        Dossier dossier = DossierFixtures.dossier(run, client, batch, NOW);
        dossiers().insert(dossier, List.of());
        assertThat(runContacts().attach(run.id(), dossier.id()))
                .extracting(Contact::id)
                .containsExactly(first.id(), second.id());

        Map<DossierId, List<Contact>> attached = runContacts().ofDossiers(List.of(dossier.id(), DossierId.random()));
        assertThat(attached).containsOnlyKeys(dossier.id());
        assertThat(attached.get(dossier.id())).extracting(Contact::id).containsExactly(first.id(), second.id());
        assertThat(attached.get(dossier.id()))
                .allSatisfy(c -> assertThat(c.dossierId()).contains(dossier.id().value()));
        assertThat(runContacts().ofRun(other.id()))
                .singleElement()
                .satisfies(c -> assertThat(c.dossierId()).isEmpty());
        assertThat(runContacts().ofDossiers(List.of())).isEmpty();
    }
}
