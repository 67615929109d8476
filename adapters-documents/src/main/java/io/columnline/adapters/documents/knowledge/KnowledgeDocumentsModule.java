package io.columnline.adapters.documents.knowledge;

import dagger.Binds;
import dagger.Module;
import io.columnline.application.knowledge.port.out.Chunker;

/** The knowledge area's document bindings; needs a {@link ChunkSizes}. */
@Module
public abstract class KnowledgeDocumentsModule {
    private KnowledgeDocumentsModule() {}

    @Binds
    abstract Chunker chunker(TokenChunker chunker);
}
