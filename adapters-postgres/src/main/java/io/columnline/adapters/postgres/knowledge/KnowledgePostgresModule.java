package io.columnline.adapters.postgres.knowledge;

import dagger.Binds;
import dagger.Module;
import io.columnline.application.knowledge.port.out.Artifacts;
import io.columnline.application.knowledge.port.out.ChunkEmbeddings;
import io.columnline.application.knowledge.port.out.EventLog;
import io.columnline.application.knowledge.port.out.Insights;
import io.columnline.application.knowledge.port.out.KnowledgeDocuments;
import io.columnline.application.knowledge.port.out.ResearchCache;
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

    @Binds
    abstract ResearchCache researchCache(JdbiResearchCache cache);

    @Binds
    abstract EventLog eventLog(JdbiEventLog log);

    @Binds
    abstract Insights insights(JdbiInsights insights);

    @Binds
    abstract Artifacts artifacts(JdbiArtifacts artifacts);

    @Binds
    abstract KnowledgeDocuments knowledgeDocuments(JdbiKnowledgeDocuments documents);
}
