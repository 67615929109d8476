package io.columnline.adapters.postgres.knowledge;

import dagger.Binds;
import dagger.Module;
import io.columnline.application.knowledge.port.out.ChunkEmbeddings;
import io.columnline.application.knowledge.port.out.SearchableChunks;
import io.columnline.application.knowledge.port.out.Sources;

/** The knowledge area's bindings; PostgresModule includes it. */
@Module
public abstract class KnowledgePostgresModule {
    private KnowledgePostgresModule() {}

    @Binds
    abstract Sources sources(JdbiSources sources);

    @Binds
    abstract ChunkEmbeddings chunkEmbeddings(JdbiChunkEmbeddings embeddings);

    @Binds
    abstract SearchableChunks searchableChunks(JdbiSearchableChunks chunks);
}
