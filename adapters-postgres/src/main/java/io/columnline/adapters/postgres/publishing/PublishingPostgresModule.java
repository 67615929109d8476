package io.columnline.adapters.postgres.publishing;

import dagger.Binds;
import dagger.Module;
import io.columnline.application.publishing.port.out.Batches;
import io.columnline.application.publishing.port.out.DossierExports;
import io.columnline.application.publishing.port.out.DossierLists;
import io.columnline.application.publishing.port.out.Dossiers;
import io.columnline.application.publishing.port.out.Publications;
import io.columnline.application.publishing.port.out.Reruns;
import io.columnline.application.publishing.port.out.WebhookOutbox;

/** The publishing area's bindings; PostgresModule includes it. */
@Module
public abstract class PublishingPostgresModule {
    private PublishingPostgresModule() {}

    @Binds
    abstract WebhookOutbox webhookOutbox(JdbiWebhookOutbox outbox);

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
    abstract Publications publications(JdbiPublications publications);
}
