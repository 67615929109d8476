package io.columnline.application.knowledge.port.in;

import java.util.function.LongConsumer;

/** The search index of this instance: brought up to date with the store, or rebuilt from it. */
public interface SearchIndexUseCase {
    /**
     * Rebuilds the index when it is missing, of another schema or of an earlier epoch, else applies
     * the changes it has not seen. Blocks until done.
     */
    void bringUpToDate();

    /**
     * Starts a new epoch, so every instance rebuilds its index on its next search, and rebuilds this
     * one; {@code progress} hears the chunks indexed so far. Answers the chunks indexed.
     */
    long rebuild(LongConsumer progress);

    /** True while a rebuild is running on this instance. */
    boolean rebuilding();

    /** Writes what is pending and releases the index. */
    void close();
}
