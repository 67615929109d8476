package io.columnline.app;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Lazy;
import io.columnline.adapters.cli.CliCommand;
import io.columnline.adapters.cli.CliModule;
import io.columnline.adapters.http.HttpModule;
import io.columnline.adapters.http.HttpServer;
import io.columnline.adapters.postgres.PostgresModule;
import io.columnline.application.port.in.ApiKeysUseCase;
import io.columnline.application.port.in.DeliverWebhooksUseCase;
import io.columnline.application.port.in.IdempotencyUseCase;
import io.columnline.application.port.in.ReleaseDossiersUseCase;
import jakarta.inject.Singleton;
import java.util.Set;

/** The whole application, wired at compile time. */
@Singleton
@Component(modules = {AppModule.class, PostgresModule.class, HttpModule.class, CliModule.class})
public interface ColumnlineComponent {
    Lifecycle lifecycle();

    Lazy<HttpServer> httpServer();

    Lazy<ApiKeysUseCase> apiKeys();

    Lazy<IdempotencyUseCase> idempotency();

    Lazy<DeliverWebhooksUseCase> webhooks();

    Lazy<ReleaseDossiersUseCase> releases();

    Set<CliCommand> commands();

    @Component.Factory
    interface Factory {
        ColumnlineComponent create(@BindsInstance Config config);
    }

    static ColumnlineComponent create(Config config) {
        return DaggerColumnlineComponent.factory().create(config);
    }
}
