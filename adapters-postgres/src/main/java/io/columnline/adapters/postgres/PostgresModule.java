package io.columnline.adapters.postgres;

import dagger.Module;
import dagger.Provides;
import io.columnline.adapters.postgres.knowledge.KnowledgePostgresModule;
import io.columnline.adapters.postgres.prompts.PromptsPostgresModule;
import io.columnline.adapters.postgres.prospects.ProspectsPostgresModule;
import io.columnline.adapters.postgres.publishing.PublishingPostgresModule;
import io.columnline.adapters.postgres.shared.Database;
import io.columnline.adapters.postgres.shared.SharedPostgresModule;
import io.columnline.adapters.postgres.tenancy.TenancyPostgresModule;
import io.columnline.adapters.postgres.tracking.TrackingPostgresModule;
import org.jdbi.v3.core.Jdbi;

/** Binds every outbound port to its PostgreSQL implementation; needs a {@link Database} instance. */
@Module(
        includes = {
            SharedPostgresModule.class,
            TenancyPostgresModule.class,
            TrackingPostgresModule.class,
            PromptsPostgresModule.class,
            PublishingPostgresModule.class,
            ProspectsPostgresModule.class,
            KnowledgePostgresModule.class
        })
public abstract class PostgresModule {
    private PostgresModule() {}

    @Provides
    static Jdbi jdbi(Database database) {
        return database.jdbi();
    }
}
