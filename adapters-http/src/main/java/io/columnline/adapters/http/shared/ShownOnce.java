package io.columnline.adapters.http.shared;

/**
 * An answer that holds a secret shown once (a new API key): an {@code Idempotency-Key} replay
 * answers {@link #replay()} instead, so the secret is never stored with the idempotency record.
 */
public interface ShownOnce {
    /** What a replay answers: the same answer without the secret, saying it was shown once. */
    Object replay();
}
