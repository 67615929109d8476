package io.columnline.app;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Lazy;
import io.columnline.adapters.cli.CliModule;
import io.columnline.adapters.cli.shared.CliCommand;
import io.columnline.adapters.documents.knowledge.KnowledgeDocumentsModule;
import io.columnline.adapters.embeddings.knowledge.KnowledgeEmbeddingsModule;
import io.columnline.adapters.http.HttpModule;
import io.columnline.adapters.http.shared.HttpServer;
import io.columnline.adapters.postgres.PostgresModule;
import io.columnline.adapters.search.SearchModule;
import io.columnline.application.knowledge.port.in.ProcessSourcesUseCase;
import io.columnline.application.knowledge.port.in.SearchIndexUseCase;
import io.columnline.application.publishing.port.in.DeliverWebhooksUseCase;
import io.columnline.application.publishing.port.in.ReleaseDossiersUseCase;
import io.columnline.application.shared.IdempotencyUseCase;
import io.columnline.application.tenancy.port.in.ApiKeysUseCase;
import jakarta.inject.Singleton;
import java.util.Set;

/** The whole application, wired at compile time. */
@Singleton
@Component(
        modules = {
            AppModule.class,
            PostgresModule.class,
            HttpModule.class,
            CliModule.class,
            KnowledgeDocumentsModule.class,
            KnowledgeEmbeddingsModule.class,
            SearchModule.class
        })
public interface ColumnlineComponent {
    Lifecycle lifecycle();

    Lazy<HttpServer> httpServer();

    Lazy<ApiKeysUseCase> apiKeys();

    Lazy<IdempotencyUseCase> idempotency();

    Lazy<DeliverWebhooksUseCase> webhooks();

    Lazy<ReleaseDossiersUseCase> releases();

    Lazy<io.columnline.application.tracking.port.in.TimeOutStepsUseCase> stepTimeouts();

    Lazy<ProcessSourcesUseCase> sourceProcessing();

    Lazy<SearchIndexUseCase> searchIndex();

    Lazy<io.columnline.application.knowledge.port.in.EventsUseCase> events();

    Set<CliCommand> commands();

    Metrics metrics();

    @Component.Factory
    interface Factory {
        ColumnlineComponent create(@BindsInstance Config config);
    }

    static ColumnlineComponent create(Config config) {
        return DaggerColumnlineComponent.factory().create(config);
    }
}
