package io.columnline.adapters.embeddings.knowledge;

import dagger.Module;
import dagger.Provides;
import io.columnline.application.knowledge.port.out.Embedder;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * The knowledge area's embedder: the in-process model by default, the OpenAI-compatible endpoint
 * when {@link EmbedderSettings} names one. Needs an {@link EmbedderHome} and {@link EmbedderSettings}.
 */
@Module
public abstract class KnowledgeEmbeddingsModule {
    private KnowledgeEmbeddingsModule() {}

    @Provides
    @Singleton
    static Embedder embedder(EmbedderSettings settings, Provider<MiniLmEmbedder> inProcess) {
        return settings.url().isPresent() ? HttpEmbedder.of(settings) : inProcess.get();
    }
}
