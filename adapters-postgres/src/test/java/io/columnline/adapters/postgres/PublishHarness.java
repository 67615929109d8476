package io.columnline.adapters.postgres;

import io.columnline.application.memory.ScriptedJsonSchemaValidator;
import io.columnline.application.port.in.StartRunUseCase;
import io.columnline.application.service.BatchBook;
import io.columnline.application.service.ClientAccess;
import io.columnline.application.service.DossierReader;
import io.columnline.application.service.ListAccess;
import io.columnline.application.service.PriceBook;
import io.columnline.application.service.PromptCatalog;
import io.columnline.application.service.PublishService;
import io.columnline.application.service.RunAccess;
import io.columnline.application.service.RunContactService;
import io.columnline.application.service.RunDetailsReader;
import io.columnline.application.service.RunService;
import io.columnline.application.service.StepService;
import io.columnline.domain.access.ApiKeyId;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.client.ClientProfile;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.dossier.ContactDraft;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.prompt.PromptKey;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.Seed;
import io.columnline.domain.run.StepEntry;
import io.columnline.domain.section.SectionDefinition;
import io.columnline.domain.section.SectionKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The publishing use cases on the real Postgres adapters of one session, for tests that need the
 * database to be the judge: concurrency and faults. Sections are defined and written by runs.
 */
final class PublishHarness {
    static final int SECTIONS = 8;
    static final int CONTACTS = 20;

    final JdbiSession session;
    final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
    final Caller admin = new Caller.Admin(ApiKeyId.random());
    final RunService runs;
    final StepService steps;
    final PublishService publish;
    final RunContactService contacts;
    final Client client;

    PublishHarness(JdbiSession session, String slug) {
        this.session = session;
        var clients = new JdbiClients(session);
        var runStore = new JdbiRuns(session);
        var stepLog = new JdbiStepLog(session);
        var definitions = new JdbiSectionDefinitions(session);
        var dossiers = new JdbiDossiers(session);
        var lists = new JdbiDossierLists(session);
        var batches = new JdbiBatches(session);
        var access = new ClientAccess(clients);
        var runAccess = new RunAccess(runStore);
        var batchBook = new BatchBook(batches, clock);
        runs = new RunService(
                runStore,
                runAccess,
                access,
                new RunDetailsReader(new JdbiStages(session), stepLog, access, clock),
                batchBook,
                session,
                clock);
        steps = new StepService(
                stepLog,
                runAccess,
                new PriceBook(new JdbiModelPrices(session), clock),
                new PromptCatalog(new JdbiPrompts(session)),
                session,
                clock);
        var runContacts = new JdbiRunContacts(session);
        publish = new PublishService(
                stepLog,
                definitions,
                new ScriptedJsonSchemaValidator(),
                dossiers,
                new ListAccess(lists, clock),
                new JdbiPublications(session),
                batchBook,
                new DossierReader(dossiers, lists, batches, runContacts, access),
                session,
                clock);
        contacts = new RunContactService(
                new JdbiContacts(session), runContacts, new JdbiCompanies(session), runAccess, session, clock);
        client = Client.create(
                ClientId.random(),
                new ClientSlug(slug),
                Client.settings(slug, "UTC", null),
                ClientProfile.EMPTY,
                clock.instant());
        clients.save(client);
        for (int i = 0; i < SECTIONS; i++) {
            definitions.save(SectionDefinition.create(
                    new SectionKey("section_" + i),
                    new SectionDefinition.Content(
                            "Section " + i,
                            i,
                            new PromptKey("writer.section_" + i),
                            true,
                            new JsonDocument("{\"type\":\"object\"}")),
                    clock.instant()));
        }
    }

    /** A running run of the company whose writers logged every section and which found its contacts. */
    Run written(String company, String domain) {
        Seed seed = new Seed(
                company,
                domain,
                Optional.empty(),
                new JsonDocument("{\"company_name\":\"" + company + "\",\"domain\":\"" + domain + "\"}"));
        Run run = runs.start(new StartRunUseCase.Command(
                        admin, Optional.of(client.slug().value()), seed, Optional.empty(), Optional.empty()))
                .run()
                .run();
        List<StepEntry.Draft> writers = new ArrayList<>();
        for (int i = 0; i < SECTIONS; i++) {
            writers.add(new StepEntry.Draft(
                    "writer.section_" + i,
                    1,
                    "writers",
                    "section_" + i,
                    null,
                    null,
                    "gpt-4o",
                    null,
                    new JsonDocument("{\"headline\":\"" + company + " " + i + "\",\"score\":" + i + "}"),
                    1000L,
                    200L,
                    null,
                    900L,
                    "success",
                    null));
        }
        steps.logBatch(admin, run.id(), writers);
        List<ContactDraft> found = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            found.add(new ContactDraft(
                    "Person " + i + " of " + company,
                    "Person",
                    String.valueOf(i),
                    "Head of " + i,
                    "person" + i + "@"
                            + domain.replaceAll("^.*?//(www\\.)?", "").replaceAll("/.*$", ""),
                    null,
                    List.of("+1 555 01" + i),
                    null,
                    List.of("https://" + i + ".example"),
                    null));
        }
        contacts.add(admin, run.id(), found);
        return run;
    }
}
