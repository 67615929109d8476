package io.columnline.application.shared;

import java.util.function.Supplier;

/**
 * Runs work that touches several ports as one unit: all of it is committed or none of it. The
 * storage adapter decides what "committed" means and may run the work again when a concurrent
 * writer forced a retry, so the work must not have effects outside the ports.
 */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
