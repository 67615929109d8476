package io.columnline.application.service;

import io.columnline.application.contract.DossierFixtures;
import io.columnline.application.memory.InMemoryCompanies;
import io.columnline.application.memory.InMemoryContacts;
import io.columnline.application.memory.InMemoryDossierExports;
import io.columnline.application.memory.InMemoryDossierLists;
import io.columnline.application.memory.InMemoryDossiers;
import io.columnline.application.memory.InMemoryPipelineStats;
import io.columnline.application.memory.InMemoryPublications;
import io.columnline.application.memory.InMemoryReruns;
import io.columnline.application.memory.InMemoryRunContacts;
import io.columnline.application.memory.InMemorySectionDefinitions;
import io.columnline.application.memory.InMemoryWebhookOutbox;
import io.columnline.application.memory.ScriptedJsonSchemaValidator;
import io.columnline.application.port.in.StartRunUseCase;
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
class PublishWorld extends RunWorld {
    static final JsonDocument SCHEMA = new JsonDocument("{\"type\":\"object\"}");

    final InMemorySectionDefinitions definitions = new InMemorySectionDefinitions();
    final ScriptedJsonSchemaValidator schemas = new ScriptedJsonSchemaValidator();
    final InMemoryDossierLists lists = new InMemoryDossierLists();
    final InMemoryDossiers dossiers = new InMemoryDossiers(lists);
    final InMemoryReruns reruns = new InMemoryReruns();
    final InMemoryWebhookOutbox outbox = new InMemoryWebhookOutbox();
    final InMemoryCompanies companies = new InMemoryCompanies();
    final InMemoryContacts contacts = new InMemoryContacts(companies);
    final InMemoryRunContacts runContacts = new InMemoryRunContacts(contacts);

    final ListAccess listAccess = new ListAccess(lists, clock);
    final DossierAccess dossierAccess = new DossierAccess(dossiers);
    final DossierReader dossierReader = new DossierReader(dossiers, lists, batches, runContacts, clientAccess);
    final PublishService publishService = new PublishService(
            steps,
            definitions,
            schemas,
            dossiers,
            listAccess,
            new InMemoryPublications(dossiers, lists, runs, runContacts, clients, batches, reruns),
            batchBook,
            dossierReader,
            transactions,
            clock);
    final DossierService dossierService = new DossierService(
            dossiers, dossierAccess, lists, listAccess, batches, clientAccess, dossierReader, transactions, clock);
    final BatchService batchService = new BatchService(batches, dossiers, clientAccess, dossierReader, transactions);
    final ReleaseService releaseService = new ReleaseService(dossiers, transactions, clock);
    final RerunService rerunService = new RerunService(
            dossierAccess, runs, runAccess, clientAccess, reruns, batchBook, outbox, reader, transactions, clock);
    final PipelineStatsService statsService =
            new PipelineStatsService(new InMemoryPipelineStats(runs, steps), clientAccess, transactions);
    final ExportService exportService = new ExportService(
            new InMemoryDossierExports(dossiers, batches, runContacts),
            clientAccess,
            batches,
            listAccess,
            transactions);

    final RunContactService contactService =
            new RunContactService(contacts, runContacts, companies, runAccess, transactions, clock);

    PublishWorld() {
        define("overview", 1, true);
        define("signals", 2, false);
    }

    void define(String key, int position, boolean required) {
        definitions.save(SectionDefinition.create(
                new SectionKey(key),
                new SectionDefinition.Content(
                        key + " title", position, new PromptKey("writer." + key), required, SCHEMA),
                clock.instant()));
    }

    Run run(Caller caller, Seed seed) {
        return runService
                .start(new StartRunUseCase.Command(caller, Optional.empty(), seed, Optional.empty(), Optional.empty()))
                .run()
                .run();
    }

    /** A running run of acme for the company whose writers logged every section with {@code output}. */
    Run written(String company, String domain) {
        Run run = run(acmeKey, DossierFixtures.seed(company, domain));
        write(run, "overview", "{\"headline\":\"" + company + "\"}");
        write(run, "signals", "{\"items\":[]}");
        return run;
    }

    void write(Run run, String section, String output) {
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
