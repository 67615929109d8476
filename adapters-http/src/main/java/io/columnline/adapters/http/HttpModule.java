package io.columnline.adapters.http;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoSet;
import io.columnline.application.port.out.JsonSchemaValidator;
import io.columnline.application.port.out.WebhookSender;

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
    abstract WebhookSender webhookSender(JdkWebhookSender sender);

    @Binds
    @IntoSet
    abstract Routes runs(RunRoutes routes);

    @Binds
    @IntoSet
    abstract Routes steps(StepRoutes routes);

    @Binds
    @IntoSet
    abstract Routes modelPrices(ModelPriceRoutes routes);

    @Binds
    @IntoSet
    abstract Routes prompts(PromptRoutes routes);

    @Binds
    @IntoSet
    abstract Routes sectionDefinitions(SectionDefinitionRoutes routes);

    @Binds
    @IntoSet
    abstract Routes dossiers(DossierRoutes routes);

    @Binds
    @IntoSet
    abstract Routes dossierLists(DossierListRoutes routes);

    @Binds
    @IntoSet
    abstract Routes batches(BatchRoutes routes);

    @Binds
    @IntoSet
    abstract Routes reruns(RerunRoutes routes);

    @Binds
    @IntoSet
    abstract Routes stats(StatsRoutes routes);

    @Binds
    @IntoSet
    abstract Routes runContacts(RunContactRoutes routes);

    /** The JSON Schema library reads JSON with Jackson, which only this adapter has. */
    @Binds
    abstract JsonSchemaValidator jsonSchemaValidator(NetworkntJsonSchemaValidator validator);

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
