package io.columnline.application.shared;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs transactions one at a time, which is what serializable isolation looks like from the
 * outside. It does not undo a failed transaction's writes: use cases validate before they write,
 * and rollback itself is proved against PostgreSQL.
 */
public final class InMemoryTransactions implements Transactions {
    private final ReentrantLock lock = new ReentrantLock();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
