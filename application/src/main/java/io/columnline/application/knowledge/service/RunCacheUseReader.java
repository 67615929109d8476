package io.columnline.application.knowledge.service;

import io.columnline.application.knowledge.port.out.ResearchCache;
import io.columnline.application.tracking.port.out.RunCacheUse;
import io.columnline.domain.run.CacheUse;
import io.columnline.domain.run.Run;
import jakarta.inject.Inject;

/** Answers tracking's question about a run from the research cache's record of lookups. */
public final class RunCacheUseReader implements RunCacheUse {
    private final ResearchCache cache;

    @Inject
    public RunCacheUseReader(ResearchCache cache) {
        this.cache = cache;
    }

    @Override
    public CacheUse ofRun(Run run) {
        return cache.ofRun(run.id());
    }
}
