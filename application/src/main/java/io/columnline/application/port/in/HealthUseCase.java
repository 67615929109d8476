package io.columnline.application.port.in;

public interface HealthUseCase {
    /** The database answers and its schema is current. */
    boolean ready();
}
