package io.columnline.adapters.documents.knowledge;

import dagger.Binds;
import dagger.Module;
import io.columnline.application.knowledge.port.out.Chunker;
import io.columnline.application.knowledge.port.out.TextDiff;

/** The knowledge area's document bindings; needs a {@link ChunkSizes}. */
@Module
public abstract class KnowledgeDocumentsModule {
    private KnowledgeDocumentsModule() {}

    @Binds
    abstract Chunker chunker(TokenChunker chunker);

    @Binds
    abstract TextDiff textDiff(UnifiedDiffs diffs);
}
