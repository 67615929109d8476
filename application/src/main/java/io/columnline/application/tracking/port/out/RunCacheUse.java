package io.columnline.application.tracking.port.out;

import io.columnline.domain.run.CacheUse;
import io.columnline.domain.run.Run;

/**
 * What a run's research cache lookups came to, shown next to its cost. The knowledge area keeps the
 * cache and answers this port, so tracking never depends on knowledge.
 */
public interface RunCacheUse {
    CacheUse ofRun(Run run);
}
