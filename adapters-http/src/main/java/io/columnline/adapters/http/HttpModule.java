package io.columnline.adapters.http;

import dagger.Module;
import io.columnline.adapters.http.knowledge.KnowledgeHttpModule;
import io.columnline.adapters.http.origin.OriginHttpModule;
import io.columnline.adapters.http.prompts.PromptsHttpModule;
import io.columnline.adapters.http.prospects.ProspectsHttpModule;
import io.columnline.adapters.http.publishing.PublishingHttpModule;
import io.columnline.adapters.http.shared.SharedHttpModule;
import io.columnline.adapters.http.tenancy.TenancyHttpModule;
import io.columnline.adapters.http.tracking.TrackingHttpModule;

/**
 * Every API area, collected into the set the server registers, and the {@code /columnline}
 * translation layer over them. Add an area with one binding.
 */
@Module(
        includes = {
            SharedHttpModule.class,
            TenancyHttpModule.class,
            TrackingHttpModule.class,
            PromptsHttpModule.class,
            PublishingHttpModule.class,
            ProspectsHttpModule.class,
            KnowledgeHttpModule.class,
            OriginHttpModule.class
        })
public abstract class HttpModule {
    private HttpModule() {}
}
