package io.columnline.app;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dagger.multibindings.Multibinds;
import io.columnline.adapters.documents.knowledge.ChunkSizes;
import io.columnline.adapters.embeddings.knowledge.EmbedderHome;
import io.columnline.adapters.embeddings.knowledge.EmbedderSettings;
import io.columnline.adapters.http.knowledge.SourceLimits;
import io.columnline.adapters.http.prospects.ImportLimits;
import io.columnline.adapters.http.shared.HttpConfig;
import io.columnline.adapters.postgres.shared.Database;
import io.columnline.adapters.search.shared.SearchHome;
import io.columnline.application.knowledge.port.in.EventsUseCase;
import io.columnline.application.knowledge.port.in.ProcessSourcesUseCase;
import io.columnline.application.knowledge.port.in.ReembedUseCase;
import io.columnline.application.knowledge.port.in.ResearchCacheUseCase;
import io.columnline.application.knowledge.port.in.SearchIndexUseCase;
import io.columnline.application.knowledge.port.in.SearchUseCase;
import io.columnline.application.knowledge.port.in.SourcesUseCase;
import io.columnline.application.knowledge.service.EventService;
import io.columnline.application.knowledge.service.ResearchCacheService;
import io.columnline.application.knowledge.service.RunCacheUseReader;
import io.columnline.application.knowledge.service.SearchIndexService;
import io.columnline.application.knowledge.service.SearchService;
import io.columnline.application.knowledge.service.SourceService;
import io.columnline.application.prompts.port.in.PipelineDefinitions;
import io.columnline.application.prompts.port.in.PromptReferences;
import io.columnline.application.prompts.port.in.ReadPipelinesUseCase;
import io.columnline.application.prompts.port.in.ReadPromptsUseCase;
import io.columnline.application.prompts.port.in.ReadSectionDefinitionsUseCase;
import io.columnline.application.prompts.port.in.SavePipelineUseCase;
import io.columnline.application.prompts.port.in.SavePromptUseCase;
import io.columnline.application.prompts.port.in.SaveSectionDefinitionUseCase;
import io.columnline.application.prompts.port.in.SectionCatalog;
import io.columnline.application.prompts.port.in.StepPrompts;
import io.columnline.application.prompts.service.PipelineService;
import io.columnline.application.prompts.service.PromptCatalog;
import io.columnline.application.prompts.service.PromptService;
import io.columnline.application.prompts.service.SectionDefinitionService;
import io.columnline.application.prospects.port.in.AiInteractionsUseCase;
import io.columnline.application.prospects.port.in.CampaignsUseCase;
import io.columnline.application.prospects.port.in.DossierContacts;
import io.columnline.application.prospects.port.in.ImportProspectsUseCase;
import io.columnline.application.prospects.port.in.ProspectsUseCase;
import io.columnline.application.prospects.port.in.RunContactsUseCase;
import io.columnline.application.prospects.service.AiInteractionService;
import io.columnline.application.prospects.service.CampaignService;
import io.columnline.application.prospects.service.ImportService;
import io.columnline.application.prospects.service.ProspectService;
import io.columnline.application.prospects.service.RunContactService;
import io.columnline.application.publishing.port.in.DeliverWebhooksUseCase;
import io.columnline.application.publishing.port.in.DossierListsUseCase;
import io.columnline.application.publishing.port.in.ExportDossiersUseCase;
import io.columnline.application.publishing.port.in.PublishRunUseCase;
import io.columnline.application.publishing.port.in.ReadBatchesUseCase;
import io.columnline.application.publishing.port.in.ReadDossiersUseCase;
import io.columnline.application.publishing.port.in.ReadWebhookDeliveriesUseCase;
import io.columnline.application.publishing.port.in.ReleaseDossiersUseCase;
import io.columnline.application.publishing.port.in.RerunDossierUseCase;
import io.columnline.application.publishing.service.BatchBook;
import io.columnline.application.publishing.service.BatchService;
import io.columnline.application.publishing.service.DossierService;
import io.columnline.application.publishing.service.ExportService;
import io.columnline.application.publishing.service.PublishService;
import io.columnline.application.publishing.service.ReleaseService;
import io.columnline.application.publishing.service.RerunService;
import io.columnline.application.publishing.service.WebhookDeliveryService;
import io.columnline.application.shared.HealthService;
import io.columnline.application.shared.HealthUseCase;
import io.columnline.application.shared.IdempotencyService;
import io.columnline.application.shared.IdempotencyUseCase;
import io.columnline.application.shared.ReadinessCheck;
import io.columnline.application.tenancy.port.in.ApiKeysUseCase;
import io.columnline.application.tenancy.port.in.AuthenticateUseCase;
import io.columnline.application.tenancy.port.in.ClientAccess;
import io.columnline.application.tenancy.port.in.ReadClientsUseCase;
import io.columnline.application.tenancy.port.in.SaveClientUseCase;
import io.columnline.application.tenancy.service.ApiKeyService;
import io.columnline.application.tenancy.service.ClientAccessService;
import io.columnline.application.tenancy.service.ClientService;
import io.columnline.application.tracking.port.in.FinishRunUseCase;
import io.columnline.application.tracking.port.in.LogStepsUseCase;
import io.columnline.application.tracking.port.in.ModelPricesUseCase;
import io.columnline.application.tracking.port.in.PipelineStatsUseCase;
import io.columnline.application.tracking.port.in.ReadRunsUseCase;
import io.columnline.application.tracking.port.in.ReadStepsUseCase;
import io.columnline.application.tracking.port.in.RunAccess;
import io.columnline.application.tracking.port.in.StageUseCase;
import io.columnline.application.tracking.port.in.StartRunUseCase;
import io.columnline.application.tracking.port.in.StepLoopUseCase;
import io.columnline.application.tracking.port.in.TimeOutStepsUseCase;
import io.columnline.application.tracking.port.in.UpdateRunUseCase;
import io.columnline.application.tracking.port.in.UsageUseCase;
import io.columnline.application.tracking.port.out.FoundContacts;
import io.columnline.application.tracking.port.out.RunBatches;
import io.columnline.application.tracking.port.out.RunCacheUse;
import io.columnline.application.tracking.service.ModelPriceService;
import io.columnline.application.tracking.service.PipelineStatsService;
import io.columnline.application.tracking.service.RunAccessService;
import io.columnline.application.tracking.service.RunService;
import io.columnline.application.tracking.service.StageService;
import io.columnline.application.tracking.service.StepLoopService;
import io.columnline.application.tracking.service.StepService;
import io.columnline.application.tracking.service.StepTimeoutService;
import io.columnline.application.tracking.service.UsageService;
import io.columnline.domain.webhook.WebhookDelivery.RetryPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

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
                config.publishQueue(),
                config.rateLimitPerKey(),
                config.rateLimitBurst());
    }

    @Provides
    static IdempotencyService.Lease idempotencyLease(Config config) {
        return new IdempotencyService.Lease(java.time.Duration.ofMillis(config.idempotencyLeaseMillis()));
    }

    @Provides
    static RetryPolicy webhookRetries(Config config) {
        return new RetryPolicy(
                java.time.Duration.ofMillis(config.webhookFirstRetryMillis()), config.webhookMaxAttempts());
    }

    @Provides
    static StepTimeoutService.StepTimeout stepTimeout(Config config) {
        return new StepTimeoutService.StepTimeout(config.stepTimeout());
    }

    @Provides
    static ImportLimits importLimits(Config config) {
        return new ImportLimits(config.maxImportBytes());
    }

    @Provides
    static SourceLimits sourceLimits(Config config) {
        return new SourceLimits(config.maxSourceBytes());
    }

    @Provides
    static ChunkSizes chunkSizes(Config config) {
        try {
            return new ChunkSizes(config.chunkTokens(), config.chunkOverlapTokens(), config.tokenizer());
        } catch (IllegalArgumentException e) {
            throw new Config.ConfigException("COLUMNLINE_CHUNK_TOKENS/COLUMNLINE_CHUNK_OVERLAP: " + e.getMessage());
        }
    }

    @Provides
    static EmbedderHome embedderHome(Config config) {
        return new EmbedderHome(config.home().resolve("djl"));
    }

    /**
     * The search index is a derived copy of one database, so each database has its own folder: a
     * home used with another database (tests, a moved server) never reads the wrong index.
     */
    @Provides
    static SearchHome searchHome(Config config) {
        String database = config.databaseUrl()
                .map(url -> "db-" + HexFormat.of().formatHex(sha256(url)).substring(0, 16))
                .orElse("embedded");
        return new SearchHome(config.home().resolve("index").resolve(database));
    }

    /** Long enough for a small index to rebuild, short enough to answer Make.com within its 40 s. */
    @Provides
    static SearchIndexService.SearchWait searchWait() {
        return new SearchIndexService.SearchWait(java.time.Duration.ofSeconds(20));
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Provides
    static EmbedderSettings embedderSettings(Config config) {
        if (config.embeddingsUrl().isEmpty()) {
            return EmbedderSettings.IN_PROCESS;
        }
        URI url;
        try {
            url = new URI(config.embeddingsUrl().get());
        } catch (URISyntaxException e) {
            throw new Config.ConfigException("COLUMNLINE_EMBEDDINGS_URL is not a URL: " + e.getMessage());
        }
        if (config.embeddingsModel().isEmpty()) {
            throw new Config.ConfigException("COLUMNLINE_EMBEDDINGS_URL needs COLUMNLINE_EMBEDDINGS_MODEL, the model to"
                    + " ask it for (text-embedding-3-small, nomic-embed-text, ...)");
        }
        try {
            return new EmbedderSettings(Optional.of(url), config.embeddingsModel(), config.embeddingsApiKey());
        } catch (IllegalArgumentException e) {
            throw new Config.ConfigException("COLUMNLINE_EMBEDDINGS_URL: " + e.getMessage());
        }
    }

    @Binds
    abstract io.columnline.adapters.http.shared.HttpMetrics httpMetrics(Metrics metrics);

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
    abstract SavePipelineUseCase savePipeline(PipelineService service);

    @Binds
    abstract ReadPipelinesUseCase readPipelines(PipelineService service);

    @Binds
    abstract PipelineDefinitions pipelineDefinitions(PipelineService service);

    @Binds
    abstract StepPrompts stepPrompts(PromptService service);

    @Binds
    abstract UpdateRunUseCase updateRun(RunService service);

    @Binds
    abstract StepLoopUseCase stepLoop(StepLoopService service);

    @Binds
    abstract TimeOutStepsUseCase timeOutSteps(StepTimeoutService service);

    @Binds
    abstract FoundContacts foundContacts(RunContactService service);

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
    abstract UsageUseCase usage(UsageService service);

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

    @Binds
    abstract ClientAccess clientAccess(ClientAccessService service);

    @Binds
    abstract RunAccess runAccess(RunAccessService service);

    @Binds
    abstract RunBatches runBatches(BatchBook batches);

    @Binds
    abstract PromptReferences promptReferences(PromptCatalog catalog);

    @Binds
    abstract SectionCatalog sectionCatalog(SectionDefinitionService service);

    @Binds
    abstract DossierContacts dossierContacts(RunContactService service);

    @Binds
    abstract SourcesUseCase sources(SourceService service);

    @Binds
    abstract ProcessSourcesUseCase processSources(SourceService service);

    @Binds
    abstract SearchUseCase search(SearchService service);

    @Binds
    abstract SearchIndexUseCase searchIndex(SearchIndexService service);

    @Multibinds
    abstract Set<ReadinessCheck> readinessChecks();

    @Binds
    @IntoSet
    abstract ReadinessCheck searchIndexReadiness(SearchIndexService service);

    @Binds
    abstract ReembedUseCase reembed(SourceService service);

    @Binds
    abstract ResearchCacheUseCase researchCache(ResearchCacheService service);

    @Binds
    abstract RunCacheUse runCacheUse(RunCacheUseReader reader);

    @Binds
    abstract EventsUseCase events(EventService service);

    @Binds
    abstract io.columnline.application.knowledge.port.in.InsightsUseCase insights(
            io.columnline.application.knowledge.service.InsightService service);

    @Binds
    abstract io.columnline.application.knowledge.port.in.ArtifactsUseCase artifacts(
            io.columnline.application.knowledge.service.ArtifactService service);

    @Binds
    abstract io.columnline.application.knowledge.port.in.DocumentsUseCase documents(
            io.columnline.application.knowledge.service.DocumentService service);

    /** This process in its events: host name and process id, as the operating system knows them. */
    @Provides
    @jakarta.inject.Singleton
    static EventService.Settings eventSettings(Config config) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        return new EventService.Settings(host + ":" + ProcessHandle.current().pid(), config.eventsKeepDays());
    }
}
