package io.columnline.application.knowledge.service;

import io.columnline.application.knowledge.port.in.SearchIndexUseCase;
import io.columnline.application.knowledge.port.out.ChunkIndex;
import io.columnline.application.knowledge.port.out.ChunkIndex.Position;
import io.columnline.application.knowledge.port.out.SearchableChunks;
import io.columnline.application.shared.ReadinessCheck;
import io.columnline.domain.error.Unavailable;
import io.columnline.domain.knowledge.SourceId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * Keeps this instance's index level with the store. Before a search, one look at the store's latest
 * change (one indexed read) tells whether anything is to apply; the changes are applied source by
 * source: a changed source's chunks are removed and those of it that are ready now added again, so
 * applying a change twice, or one another instance applied too, does no harm.
 */
@Singleton
public final class SearchIndexService implements SearchIndexUseCase, ReadinessCheck {
    /** Changes read and applied at a time. */
    static final int CHANGES_PER_STEP = 2000;

    static final int REBUILD_BATCH = 1000;

    private final ChunkIndex index;
    private final SearchableChunks store;
    private final Duration waitForRebuild;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean rebuilding;
    private volatile Position applied;

    @Inject
    public SearchIndexService(ChunkIndex index, SearchableChunks store, SearchWait waitForRebuild) {
        this.index = index;
        this.store = store;
        this.waitForRebuild = waitForRebuild.value();
    }

    /** How long a search waits for a rebuild running on this instance before it is answered unavailable. */
    public record SearchWait(Duration value) {}

    @Override
    public String name() {
        return "search_index";
    }

    @Override
    public Optional<String> notReady() {
        return rebuilding ? Optional.of("rebuilding") : Optional.empty();
    }

    @Override
    public boolean rebuilding() {
        return rebuilding;
    }

    /** Called before every search: cheap when nothing changed since the last one. */
    void catchUpForSearch() {
        Position latest = store.latest();
        Position at = applied;
        if (at != null && at.epoch().equals(latest.epoch()) && at.change() == latest.change()) {
            return;
        }
        boolean locked;
        try {
            locked = lock.tryLock(waitForRebuild.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            locked = false;
        }
        if (!locked) {
            throw new Unavailable("the search index of this instance is being rebuilt from the database;"
                    + " try again shortly (GET /readyz tells when it is done)");
        }
        try {
            upToDate(latest, change -> {});
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void bringUpToDate() {
        lock.lock();
        try {
            upToDate(store.latest(), change -> {});
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long rebuild(LongConsumer progress) {
        lock.lock();
        try {
            return rebuildFrom(store.newEpoch(), progress);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            index.close();
        } finally {
            lock.unlock();
        }
    }

    private void upToDate(Position latest, LongConsumer progress) {
        if (applied == null) {
            applied = index.position().orElse(null);
        }
        if (applied == null || !applied.epoch().equals(latest.epoch()) || applied.change() > latest.change()) {
            rebuildFrom(latest, progress);
            latest = store.latest();
        }
        while (applied.change() < latest.change()) {
            List<SearchableChunks.Change> changes = store.changesAfter(applied.change(), CHANGES_PER_STEP);
            if (changes.isEmpty()) {
                break;
            }
            Set<SourceId> sources = new LinkedHashSet<>();
            changes.forEach(c -> sources.add(c.source()));
            index.remove(sources);
            index.add(store.ofSources(sources));
            Position reached = new Position(applied.epoch(), changes.getLast().change());
            index.commit(reached);
            applied = reached;
        }
    }

    /**
     * Reads {@code latest} before the chunks: a change made while the chunks are read is applied
     * again afterwards, which is harmless.
     */
    private long rebuildFrom(Position latest, LongConsumer progress) {
        rebuilding = true;
        try {
            applied = null;
            index.clear();
            AtomicLong indexed = new AtomicLong();
            store.forEachReady(REBUILD_BATCH, batch -> {
                index.add(batch);
                progress.accept(indexed.addAndGet(batch.size()));
            });
            index.commit(latest);
            applied = latest;
            return indexed.get();
        } finally {
            rebuilding = false;
        }
    }
}
