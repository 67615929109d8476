package io.columnline.adapters.embeddings.knowledge;

import dagger.Binds;
import dagger.Module;
import io.columnline.application.knowledge.port.out.Embedder;

/** The knowledge area's embedder; needs an {@link EmbedderHome}. */
@Module
public abstract class KnowledgeEmbeddingsModule {
    private KnowledgeEmbeddingsModule() {}

    @Binds
    abstract Embedder embedder(MiniLmEmbedder embedder);
}
