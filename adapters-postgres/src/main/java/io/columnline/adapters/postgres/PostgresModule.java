package io.columnline.adapters.postgres;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import io.columnline.application.port.out.AiInteractions;
import io.columnline.application.port.out.ApiKeys;
import io.columnline.application.port.out.Batches;
import io.columnline.application.port.out.Clients;
import io.columnline.application.port.out.Companies;
import io.columnline.application.port.out.Contacts;
import io.columnline.application.port.out.CsvFiles;
import io.columnline.application.port.out.DossierExports;
import io.columnline.application.port.out.DossierLists;
import io.columnline.application.port.out.Dossiers;
import io.columnline.application.port.out.IdempotencyRecords;
import io.columnline.application.port.out.ModelPrices;
import io.columnline.application.port.out.PipelineStats;
import io.columnline.application.port.out.PromptUsage;
import io.columnline.application.port.out.Prompts;
import io.columnline.application.port.out.ProspectImports;
import io.columnline.application.port.out.Publications;
import io.columnline.application.port.out.Reruns;
import io.columnline.application.port.out.RunContacts;
import io.columnline.application.port.out.Runs;
import io.columnline.application.port.out.SectionDefinitions;
import io.columnline.application.port.out.Stages;
import io.columnline.application.port.out.StepLog;
import io.columnline.application.port.out.StorageHealth;
import io.columnline.application.port.out.Transactions;
import io.columnline.application.port.out.WebhookOutbox;
import org.jdbi.v3.core.Jdbi;

/** Binds every outbound port to its PostgreSQL implementation; needs a {@link Database} instance. */
@Module
public abstract class PostgresModule {
    private PostgresModule() {}

    @Provides
    static Jdbi jdbi(Database database) {
        return database.jdbi();
    }

    @Binds
    abstract Transactions transactions(JdbiSession session);

    @Binds
    abstract Clients clients(JdbiClients clients);

    @Binds
    abstract ApiKeys apiKeys(JdbiApiKeys keys);

    @Binds
    abstract IdempotencyRecords idempotencyRecords(JdbiIdempotencyRecords records);

    @Binds
    abstract StorageHealth storageHealth(JdbiStorageHealth health);

    @Binds
    abstract WebhookOutbox webhookOutbox(JdbiWebhookOutbox outbox);

    @Binds
    abstract Runs runs(JdbiRuns runs);

    @Binds
    abstract Stages stages(JdbiStages stages);

    @Binds
    abstract StepLog stepLog(JdbiStepLog steps);

    @Binds
    abstract ModelPrices modelPrices(JdbiModelPrices prices);

    @Binds
    abstract Prompts prompts(JdbiPrompts prompts);

    @Binds
    abstract SectionDefinitions sectionDefinitions(JdbiSectionDefinitions definitions);

    @Binds
    abstract PromptUsage promptUsage(JdbiPromptUsage usage);

    @Binds
    abstract Dossiers dossiers(JdbiDossiers dossiers);

    @Binds
    abstract DossierLists dossierLists(JdbiDossierLists lists);

    @Binds
    abstract Batches batches(JdbiBatches batches);

    @Binds
    abstract Reruns reruns(JdbiReruns reruns);

    @Binds
    abstract DossierExports dossierExports(JdbiDossierExports exports);

    @Binds
    abstract PipelineStats pipelineStats(JdbiPipelineStats stats);

    @Binds
    abstract RunContacts runContacts(JdbiRunContacts contacts);

    @Binds
    abstract Publications publications(JdbiPublications publications);

    @Binds
    abstract Companies companies(JdbiCompanies companies);

    @Binds
    abstract Contacts contacts(JdbiContacts contacts);

    @Binds
    abstract AiInteractions aiInteractions(JdbiAiInteractions interactions);

    @Binds
    abstract ProspectImports prospectImports(PostgresProspectImports imports);

    /** Import files are read with FastCSV; they are only ever read to be loaded into PostgreSQL. */
    @Binds
    abstract CsvFiles csvFiles(FastCsvFiles files);
}
