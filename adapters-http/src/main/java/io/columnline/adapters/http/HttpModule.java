package io.columnline.adapters.http;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoSet;

/** Every API area, collected into the set the server registers. Add an area with one binding. */
@Module
public abstract class HttpModule {
  private HttpModule() {}

  @Binds
  @IntoSet
  abstract Routes health(HealthRoutes routes);

  @Binds
  @IntoSet
  abstract Routes clients(ClientRoutes routes);

  @Binds
  @IntoSet
  abstract Routes apiKeys(ApiKeyRoutes routes);

  @Binds
  @IntoSet
  abstract Routes prospects(ProspectRoutes routes);

  @Binds
  @IntoSet
  abstract Routes imports(ImportRoutes routes);

  @Binds
  @IntoSet
  abstract Routes aiInteractions(AiInteractionRoutes routes);
}
