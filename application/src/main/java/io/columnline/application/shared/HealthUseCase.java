package io.columnline.application.shared;

import java.util.Map;

public interface HealthUseCase {
    /** The database answers, its schema is current, and every readiness check is ready. */
    boolean ready();

    /** Each readiness check's state by name: {@code ready} or why not. */
    Map<String, String> parts();
}
