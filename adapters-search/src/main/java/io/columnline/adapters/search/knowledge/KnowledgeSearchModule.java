package io.columnline.adapters.search.knowledge;

import dagger.Binds;
import dagger.Module;
import io.columnline.application.knowledge.port.out.ChunkIndex;

/** The knowledge area's bindings; SearchModule includes it. */
@Module
public abstract class KnowledgeSearchModule {
    private KnowledgeSearchModule() {}

    @Binds
    abstract ChunkIndex chunkIndex(LuceneChunkIndex index);
}
