package io.columnline.application.publishing.service;

import io.columnline.application.prompts.memory.InMemorySectionDefinitions;
import io.columnline.application.prospects.memory.InMemoryCompanies;
import io.columnline.application.prospects.memory.InMemoryContacts;
import io.columnline.application.prospects.memory.InMemoryRunContacts;
import io.columnline.application.prospects.service.RunContactService;
import io.columnline.application.publishing.contract.DossierFixtures;
import io.columnline.application.publishing.memory.InMemoryDossierExports;
import io.columnline.application.publishing.memory.InMemoryDossierLists;
import io.columnline.application.publishing.memory.InMemoryDossiers;
import io.columnline.application.publishing.memory.InMemoryPublications;
import io.columnline.application.publishing.memory.InMemoryReruns;
import io.columnline.application.publishing.memory.InMemoryWebhookOutbox;
import io.columnline.application.shared.ScriptedJsonSchemaValidator;
import io.columnline.application.tracking.memory.InMemoryPipelineStats;
import io.columnline.application.tracking.port.in.StartRunUseCase;
import io.columnline.application.tracking.service.PipelineStatsService;
import io.columnline.application.tracking.service.RunWorld;
import io.columnline.domain.access.Caller;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.prompt.PromptKey;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.Seed;
import io.columnline.domain.run.StepEntry;
import io.columnline.domain.section.SectionDefinition;
import io.columnline.domain.section.SectionKey;
import java.util.Optional;

/** The run world plus everything publishing needs, on in-memory adapters; two sections are defined. */
public class PublishWorld extends RunWorld {
    public static final JsonDocument SCHEMA = new JsonDocument("{\"type\":\"object\"}");

    public final InMemorySectionDefinitions definitions = new InMemorySectionDefinitions();
    public final ScriptedJsonSchemaValidator schemas = new ScriptedJsonSchemaValidator();
    public final InMemoryDossierLists lists = new InMemoryDossierLists();
    public final InMemoryDossiers dossiers = new InMemoryDossiers(lists);
    public final InMemoryReruns reruns = new InMemoryReruns();
    public final InMemoryWebhookOutbox outbox = new InMemoryWebhookOutbox();
    public final InMemoryCompanies companies = new InMemoryCompanies();
    public final InMemoryContacts contacts = new InMemoryContacts(companies);
    public final InMemoryRunContacts runContacts = new InMemoryRunContacts(contacts);

    public final ListAccess listAccess = new ListAccess(lists, clock);
    public final DossierAccess dossierAccess = new DossierAccess(dossiers);
    public final DossierReader dossierReader =
            new DossierReader(dossiers, lists, batches, runContacts::ofDossiers, clientAccess);
    public final PublishService publishService = new PublishService(
            runAccess,
            definitions::all,
            schemas,
            dossiers,
            listAccess,
            new InMemoryPublications(dossiers, lists, runs, runContacts, clients, batches, reruns),
            batchBook,
            dossierReader,
            transactions,
            clock);
    public final DossierService dossierService = new DossierService(
            dossiers, dossierAccess, lists, listAccess, batches, clientAccess, dossierReader, transactions, clock);
    public final BatchService batchService =
            new BatchService(batches, dossiers, clientAccess, dossierReader, transactions);
    public final ReleaseService releaseService = new ReleaseService(dossiers, transactions, clock);
    public final RerunService rerunService =
            new RerunService(dossierAccess, runService, runAccess, clientAccess, reruns, outbox, transactions);
    public final PipelineStatsService statsService =
            new PipelineStatsService(new InMemoryPipelineStats(runs, steps), clientAccess, transactions);
    public final ExportService exportService = new ExportService(
            new InMemoryDossierExports(dossiers, batches, runContacts),
            clientAccess,
            batches,
            listAccess,
            transactions);

    public final RunContactService contactService =
            new RunContactService(contacts, runContacts, companies, runAccess, transactions, clock);

    public PublishWorld() {
        define("overview", 1, true);
        define("signals", 2, false);
    }

    public void define(String key, int position, boolean required) {
        definitions.save(SectionDefinition.create(
                new SectionKey(key),
                new SectionDefinition.Content(
                        key + " title", position, new PromptKey("writer." + key), required, SCHEMA),
                clock.instant()));
    }

    public Run run(Caller caller, Seed seed) {
        return runService
                .start(new StartRunUseCase.Command(caller, Optional.empty(), seed, Optional.empty(), Optional.empty()))
                .run()
                .run();
    }

    /** A running run of acme for the company whose writers logged every section with {@code output}. */
    public Run written(String company, String domain) {
        Run run = run(acmeKey, DossierFixtures.seed(company, domain));
        write(run, "overview", "{\"headline\":\"" + company + "\"}");
        write(run, "signals", "{\"items\":[]}");
        return run;
    }

    public void write(Run run, String section, String output) {
        stepService.log(
                acmeKey,
                run.id(),
                new StepEntry.Draft(
                        "writer." + section,
                        1,
                        "writers",
                        section,
                        null,
                        null,
                        null,
                        null,
                        new JsonDocument(output),
                        null,
                        null,
                        null,
                        null,
                        "success",
                        null));
    }
}
