package io.columnline.application.publishing.service;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a producer on a thread of its own and hands what it produces to the caller in chunks, through
 * a bounded queue. An export reads its rows from the database page by page, and the database waits
 * while the reader renders a page: with the reading on its own thread, the database makes the next
 * page while the caller renders and writes this one. Memory stays bounded by the chunks in flight.
 *
 * <p>The caller iterates on its own thread. A failure of the producer is thrown from {@link
 * #hasNext()} once the items produced before it are taken. Closing before the end stops the producer
 * at its next item and waits for it to finish, so its transaction is over when {@link #close()}
 * returns; nothing more is handed out after that.
 */
final class ReadAhead<T> implements Iterator<T>, AutoCloseable {
    /** Produces items into the sink on the read-ahead thread. */
    @FunctionalInterface
    interface Producer<T> {
        void produce(Consumer<T> sink);
    }

    /** Thrown into the producer when the caller stopped reading. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("the reader stopped", null, false, false);
        }
    }

    private static final long OFFER_WAIT_MILLIS = 50;

    private final List<T> end = new ArrayList<>(0);
    private final int chunkSize;
    private final BlockingQueue<List<T>> queue;
    private final Thread thread;
    private volatile boolean stopped;
    /** The chunk being filled; only the producer's thread touches it. */
    private List<T> filling;

    private Throwable failure;
    private List<T> chunk = List.of();
    private int next;
    private boolean ended;

    private ReadAhead(String threadName, int chunkSize, int chunksAhead, Producer<T> producer) {
        if (chunkSize < 1 || chunksAhead < 1) {
            throw new IllegalArgumentException("chunkSize and chunksAhead must be positive");
        }
        this.chunkSize = chunkSize;
        this.filling = new ArrayList<>(chunkSize);
        this.queue = new ArrayBlockingQueue<>(chunksAhead);
        this.thread = Thread.ofPlatform().name(threadName).daemon(true).unstarted(() -> produce(producer));
    }

    /** Starts the producer on a new thread named {@code threadName}. */
    static <T> ReadAhead<T> start(String threadName, int chunkSize, int chunksAhead, Producer<T> producer) {
        ReadAhead<T> reader = new ReadAhead<>(threadName, chunkSize, chunksAhead, producer);
        reader.thread.start();
        return reader;
    }

    private void produce(Producer<T> producer) {
        try {
            producer.produce(this::collect);
        } catch (Stopped e) {
            return; // nobody is reading: nothing to report
        } catch (RuntimeException | Error e) {
            failure = e; // published to the reader by the queue, with the end
        }
        try {
            if (!filling.isEmpty()) {
                hand(filling);
            }
            hand(end);
        } catch (Stopped e) {
            // the reader closed meanwhile
        }
    }

    /** On the producer's thread: adds the item to the chunk it fills, handed over once full. */
    private void collect(T item) {
        filling.add(item);
        if (filling.size() == chunkSize) {
            hand(filling);
            filling = new ArrayList<>(chunkSize);
        }
    }

    private void hand(List<T> items) {
        try {
            while (!queue.offer(items, OFFER_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                if (stopped) {
                    throw new Stopped();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
        if (stopped) {
            throw new Stopped();
        }
    }

    @Override
    public boolean hasNext() {
        if (stopped) {
            return false;
        }
        while (next == chunk.size()) {
            if (ended) {
                return false;
            }
            List<T> taken;
            try {
                taken = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the next rows", e);
            }
            if (taken == end) {
                ended = true;
                if (failure instanceof RuntimeException e) {
                    throw e;
                }
                if (failure instanceof Error e) {
                    throw e;
                }
                return false;
            }
            chunk = taken;
            next = 0;
        }
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return chunk.get(next++);
    }

    /** Stops the producer if it is still running and waits until its thread has finished. */
    @Override
    public void close() {
        stopped = true;
        queue.clear();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
