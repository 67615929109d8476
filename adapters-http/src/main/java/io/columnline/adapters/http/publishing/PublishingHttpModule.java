package io.columnline.adapters.http.publishing;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoSet;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.application.publishing.port.out.WebhookSender;

/** The publishing area's bindings; HttpModule includes it. */
@Module
public abstract class PublishingHttpModule {
    private PublishingHttpModule() {}

    @Binds
    abstract WebhookSender webhookSender(JdkWebhookSender sender);

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
}
