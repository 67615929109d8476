package io.columnline.app;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import io.columnline.adapters.http.HttpConfig;
import io.columnline.adapters.http.ImportLimits;
import io.columnline.adapters.postgres.Database;
import io.columnline.application.port.in.AiInteractionsUseCase;
import io.columnline.application.port.in.ApiKeysUseCase;
import io.columnline.application.port.in.AuthenticateUseCase;
import io.columnline.application.port.in.CampaignsUseCase;
import io.columnline.application.port.in.DeliverWebhooksUseCase;
import io.columnline.application.port.in.DossierListsUseCase;
import io.columnline.application.port.in.ExportDossiersUseCase;
import io.columnline.application.port.in.FinishRunUseCase;
import io.columnline.application.port.in.HealthUseCase;
import io.columnline.application.port.in.IdempotencyUseCase;
import io.columnline.application.port.in.ImportProspectsUseCase;
import io.columnline.application.port.in.LogStepsUseCase;
import io.columnline.application.port.in.ModelPricesUseCase;
import io.columnline.application.port.in.PipelineStatsUseCase;
import io.columnline.application.port.in.ProspectsUseCase;
import io.columnline.application.port.in.PublishRunUseCase;
import io.columnline.application.port.in.ReadBatchesUseCase;
import io.columnline.application.port.in.ReadClientsUseCase;
import io.columnline.application.port.in.ReadDossiersUseCase;
import io.columnline.application.port.in.ReadPromptsUseCase;
import io.columnline.application.port.in.ReadRunsUseCase;
import io.columnline.application.port.in.ReadSectionDefinitionsUseCase;
import io.columnline.application.port.in.ReadStepsUseCase;
import io.columnline.application.port.in.ReadWebhookDeliveriesUseCase;
import io.columnline.application.port.in.ReleaseDossiersUseCase;
import io.columnline.application.port.in.RerunDossierUseCase;
import io.columnline.application.port.in.RunContactsUseCase;
import io.columnline.application.port.in.SaveClientUseCase;
import io.columnline.application.port.in.SavePromptUseCase;
import io.columnline.application.port.in.SaveSectionDefinitionUseCase;
import io.columnline.application.port.in.StageUseCase;
import io.columnline.application.port.in.StartRunUseCase;
import io.columnline.application.service.AiInteractionService;
import io.columnline.application.service.ApiKeyService;
import io.columnline.application.service.BatchService;
import io.columnline.application.service.CampaignService;
import io.columnline.application.service.ClientService;
import io.columnline.application.service.DossierService;
import io.columnline.application.service.ExportService;
import io.columnline.application.service.HealthService;
import io.columnline.application.service.IdempotencyService;
import io.columnline.application.service.ImportService;
import io.columnline.application.service.ModelPriceService;
import io.columnline.application.service.PipelineStatsService;
import io.columnline.application.service.PromptService;
import io.columnline.application.service.ProspectService;
import io.columnline.application.service.PublishService;
import io.columnline.application.service.ReleaseService;
import io.columnline.application.service.RerunService;
import io.columnline.application.service.RunContactService;
import io.columnline.application.service.RunService;
import io.columnline.application.service.SectionDefinitionService;
import io.columnline.application.service.StageService;
import io.columnline.application.service.StepService;
import io.columnline.application.service.WebhookDeliveryService;
import io.columnline.domain.webhook.WebhookDelivery.RetryPolicy;
import java.time.Clock;

/** Binds each use case to its service, and provides the clock, the HTTP settings and the database. */
@Module
abstract class AppModule {
    private AppModule() {}

    @Provides
    static Clock clock() {
        // PostgreSQL keeps microseconds; ticking at that grain makes a stored time equal the one handed out
        return Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1000));
    }

    /**
     * As many request threads as database connections: a request holds at most one connection at a
     * time, so no thread ever waits for one (waiting threads make HikariCP spin under load); more
     * requests queue in Undertow instead.
     */
    @Provides
    static HttpConfig httpConfig(Config config) {
        return new HttpConfig(
                "0.0.0.0",
                config.port(),
                config.maxBodyBytes(),
                config.httpWorkers(),
                config.publishConcurrency(),
                config.publishQueue());
    }

    @Provides
    static RetryPolicy webhookRetries(Config config) {
        return new RetryPolicy(
                java.time.Duration.ofMillis(config.webhookFirstRetryMillis()), config.webhookMaxAttempts());
    }

    @Provides
    static ImportLimits importLimits(Config config) {
        return new ImportLimits(config.maxImportBytes());
    }

    @Provides
    static Database database(Lifecycle lifecycle) {
        return lifecycle.database().database();
    }

    @Binds
    abstract SaveClientUseCase saveClient(ClientService service);

    @Binds
    abstract ReadClientsUseCase readClients(ClientService service);

    @Binds
    abstract ApiKeysUseCase apiKeys(ApiKeyService service);

    @Binds
    abstract AuthenticateUseCase authenticate(ApiKeyService service);

    @Binds
    abstract IdempotencyUseCase idempotency(IdempotencyService service);

    @Binds
    abstract HealthUseCase health(HealthService service);

    @Binds
    abstract DeliverWebhooksUseCase deliverWebhooks(WebhookDeliveryService service);

    @Binds
    abstract StartRunUseCase startRun(RunService service);

    @Binds
    abstract ReadRunsUseCase readRuns(RunService service);

    @Binds
    abstract FinishRunUseCase finishRun(RunService service);

    @Binds
    abstract StageUseCase stages(StageService service);

    @Binds
    abstract LogStepsUseCase logSteps(StepService service);

    @Binds
    abstract ReadStepsUseCase readSteps(StepService service);

    @Binds
    abstract ModelPricesUseCase modelPrices(ModelPriceService service);

    @Binds
    abstract SavePromptUseCase savePrompt(PromptService service);

    @Binds
    abstract ReadPromptsUseCase readPrompts(PromptService service);

    @Binds
    abstract SaveSectionDefinitionUseCase saveSectionDefinition(SectionDefinitionService service);

    @Binds
    abstract ReadSectionDefinitionsUseCase readSectionDefinitions(SectionDefinitionService service);

    @Binds
    abstract PublishRunUseCase publishRun(PublishService service);

    @Binds
    abstract ReadDossiersUseCase readDossiers(DossierService service);

    @Binds
    abstract DossierListsUseCase dossierLists(DossierService service);

    @Binds
    abstract ReadBatchesUseCase readBatches(BatchService service);

    @Binds
    abstract ReleaseDossiersUseCase releaseDossiers(ReleaseService service);

    @Binds
    abstract RerunDossierUseCase rerunDossier(RerunService service);

    @Binds
    abstract ReadWebhookDeliveriesUseCase readWebhookDeliveries(RerunService service);

    @Binds
    abstract PipelineStatsUseCase pipelineStats(PipelineStatsService service);

    @Binds
    abstract ExportDossiersUseCase exportDossiers(ExportService service);

    @Binds
    abstract RunContactsUseCase runContacts(RunContactService service);

    @Binds
    abstract ImportProspectsUseCase importProspects(ImportService service);

    @Binds
    abstract ProspectsUseCase prospects(ProspectService service);

    @Binds
    abstract CampaignsUseCase campaigns(CampaignService service);

    @Binds
    abstract AiInteractionsUseCase aiInteractions(AiInteractionService service);
}
