package io.columnline.app;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import io.columnline.adapters.http.HttpConfig;
import io.columnline.adapters.postgres.Database;
import io.columnline.application.port.in.ApiKeysUseCase;
import io.columnline.application.port.in.AuthenticateUseCase;
import io.columnline.application.port.in.HealthUseCase;
import io.columnline.application.port.in.IdempotencyUseCase;
import io.columnline.application.port.in.ReadClientsUseCase;
import io.columnline.application.port.in.SaveClientUseCase;
import io.columnline.application.port.in.FinishRunUseCase;
import io.columnline.application.port.in.LogStepsUseCase;
import io.columnline.application.port.in.ModelPricesUseCase;
import io.columnline.application.port.in.ReadRunsUseCase;
import io.columnline.application.port.in.ReadStepsUseCase;
import io.columnline.application.port.in.StageUseCase;
import io.columnline.application.port.in.StartRunUseCase;
import io.columnline.application.service.ApiKeyService;
import io.columnline.application.service.ClientService;
import io.columnline.application.service.HealthService;
import io.columnline.application.service.IdempotencyService;
import io.columnline.application.service.ModelPriceService;
import io.columnline.application.service.RunService;
import io.columnline.application.service.StageService;
import io.columnline.application.service.StepService;
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
    return new HttpConfig("0.0.0.0", config.port(), config.maxBodyBytes(), config.poolSize());
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
}
