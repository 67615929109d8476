package io.columnline.adapters.search;

import dagger.Module;
import io.columnline.adapters.search.knowledge.KnowledgeSearchModule;

/** The search adapter's bindings, one module per area. */
@Module(includes = KnowledgeSearchModule.class)
public abstract class SearchModule {
    private SearchModule() {}
}
