package io.columnline.adapters.postgres.publishing;

import io.columnline.adapters.postgres.prompts.PromptsAdapters;
import io.columnline.adapters.postgres.prospects.ProspectsAdapters;
import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.tenancy.TenancyAdapters;
import io.columnline.adapters.postgres.tracking.TrackingAdapters;
import io.columnline.application.prompts.service.PipelineService;
import io.columnline.application.prompts.service.PromptCatalog;
import io.columnline.application.prospects.service.RunContactService;
import io.columnline.application.publishing.service.BatchBook;
import io.columnline.application.publishing.service.DossierReader;
import io.columnline.application.publishing.service.ListAccess;
import io.columnline.application.publishing.service.PublishService;
import io.columnline.application.shared.ScriptedJsonSchemaValidator;
import io.columnline.application.tenancy.service.ClientAccessService;
import io.columnline.application.tracking.port.in.StartRunUseCase;
import io.columnline.application.tracking.service.PriceBook;
import io.columnline.application.tracking.service.RunAccessService;
import io.columnline.application.tracking.service.RunDetailsReader;
import io.columnline.application.tracking.service.RunService;
import io.columnline.application.tracking.service.StepService;
import io.columnline.domain.access.ApiKeyId;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.client.ClientProfile;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.dossier.ContactDraft;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.prompt.PromptKey;
import io.columnline.domain.run.CacheUse;
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
        var clients = TenancyAdapters.clients(session);
        var runStore = TrackingAdapters.runs(session);
        var stepLog = TrackingAdapters.stepLog(session);
        var definitions = PromptsAdapters.sectionDefinitions(session);
        var dossiers = new JdbiDossiers(session);
        var lists = new JdbiDossierLists(session);
        var batches = new JdbiBatches(session);
        var access = new ClientAccessService(clients);
        var runAccess = new RunAccessService(runStore, stepLog);
        var batchBook = new BatchBook(batches, clock);
        runs = new RunService(
                runStore,
                runAccess,
                access,
                new RunDetailsReader(TrackingAdapters.stages(session), stepLog, access, run -> CacheUse.NONE, clock),
                batchBook,
                new PipelineService(PromptsAdapters.pipelines(session), session, clock),
                session,
                clock);
        steps = new StepService(
                stepLog,
                runAccess,
                new PriceBook(TrackingAdapters.modelPrices(session), clock),
                new PromptCatalog(PromptsAdapters.prompts(session), clock),
                session,
                clock);
        var runContacts = ProspectsAdapters.runContacts(session);
        publish = new PublishService(
                runAccess,
                definitions::all,
                new ScriptedJsonSchemaValidator(),
                dossiers,
                new ListAccess(lists, clock),
                new JdbiPublications(session),
                batchBook,
                new DossierReader(dossiers, lists, batches, runContacts::ofDossiers, access),
                session,
                clock);
        contacts = new RunContactService(
                ProspectsAdapters.contacts(session),
                runContacts,
                ProspectsAdapters.companies(session),
                runAccess,
                session,
                clock);
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
