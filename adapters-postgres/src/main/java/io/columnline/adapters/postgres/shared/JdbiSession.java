package io.columnline.adapters.postgres.shared;

import io.columnline.application.shared.Transactions;
import io.columnline.domain.error.Conflict;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Gives every adapter the handle of the transaction running on this thread, so that a use case
 * spanning several ports commits or rolls back as one. Outside a transaction each call gets a
 * short-lived handle of its own.
 */
@Singleton
public final class JdbiSession implements Transactions {
    /** serialization_failure, deadlock_detected, unique_violation: a concurrent writer won; run again. */
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "23505");

    private static final int ATTEMPTS = 4;

    private final Jdbi jdbi;
    private final ThreadLocal<Handle> current = new ThreadLocal<>();

    @Inject
    public JdbiSession(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public <T> T withHandle(Function<Handle, T> work) {
        Handle handle = current.get();
        if (handle != null) {
            return work.apply(handle);
        }
        try (Handle fresh = jdbi.open()) {
            return work.apply(fresh);
        }
    }

    /** True while a transaction of {@link #inTransaction} runs on this thread. */
    public boolean inTransactionNow() {
        return current.get() != null;
    }

    public void useHandle(java.util.function.Consumer<Handle> work) {
        withHandle(h -> {
            work.accept(h);
            return null;
        });
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                // READ COMMITTED is set once per pooled connection (Database.connect): asking Jdbi for a level
                // here would cost a SHOW TRANSACTION ISOLATION LEVEL round trip in every transaction
                return jdbi.inTransaction(handle -> {
                    current.set(handle);
                    try {
                        return work.get();
                    } finally {
                        current.remove();
                    }
                });
            } catch (RuntimeException e) {
                String state = sqlState(e);
                if (state == null || !RETRYABLE.contains(state)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    throw new Conflict("a concurrent request changed the same data; send the request again");
                }
            }
        }
    }

    static String sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
