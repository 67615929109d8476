package io.columnline.application.publishing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReadAheadTest {
    @Test
    void hands_over_every_item_in_order_on_another_thread() {
        AtomicReference<String> producerThread = new AtomicReference<>();
        List<Integer> taken = new ArrayList<>();
        try (ReadAhead<Integer> read = ReadAhead.start("test-reader", 7, 2, sink -> {
            producerThread.set(Thread.currentThread().getName());
            for (int i = 0; i < 1000; i++) {
                sink.accept(i);
            }
        })) {
            read.forEachRemaining(taken::add);
        }
        assertThat(taken).hasSize(1000).isSorted().first().isEqualTo(0);
        assertThat(producerThread.get()).isEqualTo("test-reader");
    }

    @Test
    void an_empty_producer_ends_at_once() {
        try (ReadAhead<Integer> read = ReadAhead.start("test-reader", 7, 2, sink -> {})) {
            assertThat(read.hasNext()).isFalse();
        }
    }

    @Test
    void holds_no_more_than_the_chunks_ahead() throws InterruptedException {
        AtomicInteger produced = new AtomicInteger();
        try (ReadAhead<Integer> read = ReadAhead.start("test-reader", 10, 3, sink -> {
            for (int i = 0; i < 1000; i++) {
                sink.accept(i);
                produced.incrementAndGet();
            }
        })) {
            // three chunks queued, and the fourth filled up to its last item, which waits to be handed over
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (produced.get() < 39 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(100);
            assertThat(produced.get()).isEqualTo(39);
            assertThat(read.next()).isZero();
        }
    }

    @Test
    void a_failure_of_the_producer_reaches_the_reader_after_the_items_before_it() {
        List<Integer> taken = new ArrayList<>();
        try (ReadAhead<Integer> read = ReadAhead.start("test-reader", 4, 2, sink -> {
            for (int i = 0; i < 10; i++) {
                sink.accept(i);
            }
            throw new IllegalStateException("connection lost");
        })) {
            assertThatThrownBy(() -> read.forEachRemaining(taken::add))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("connection lost");
        }
        assertThat(taken).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void closing_early_stops_the_producer_and_waits_for_it() throws InterruptedException {
        AtomicBoolean finished = new AtomicBoolean();
        AtomicReference<Throwable> stoppedBy = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        ReadAhead<Integer> read = ReadAhead.start("test-reader", 4, 2, sink -> {
            try {
                started.countDown();
                for (int i = 0; ; i++) {
                    sink.accept(i); // endless, like a reader whose client went away
                }
            } catch (RuntimeException e) {
                stoppedBy.set(e);
                throw e;
            } finally {
                finished.set(true); // where a transaction would roll back and its connection go back
            }
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(read.next()).isZero();
        read.close();
        assertThat(finished).isTrue();
        assertThat(stoppedBy.get()).isNotNull();
        assertThat(read.hasNext()).as("nothing is handed out after close").isFalse();
    }
}
