package io.columnline.application.shared;

public interface HealthUseCase {
    /** The database answers and its schema is current. */
    boolean ready();
}
