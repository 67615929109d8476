package io.columnline.adapters.http.knowledge;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoSet;
import io.columnline.adapters.http.shared.Routes;

/** The knowledge area's bindings; HttpModule includes it. */
@Module
public abstract class KnowledgeHttpModule {
    private KnowledgeHttpModule() {}

    @Binds
    @IntoSet
    abstract Routes sources(SourceRoutes routes);

    @Binds
    @IntoSet
    abstract Routes search(SearchRoutes routes);

    @Binds
    @IntoSet
    abstract Routes researchCache(ResearchCacheRoutes routes);

    @Binds
    @IntoSet
    abstract Routes events(EventRoutes routes);

    @Binds
    @IntoSet
    abstract Routes insights(InsightRoutes routes);

    @Binds
    @IntoSet
    abstract Routes artifacts(ArtifactRoutes routes);

    @Binds
    @IntoSet
    abstract Routes documents(DocumentRoutes routes);
}
