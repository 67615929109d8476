package io.columnline.application.shared;

import java.util.Optional;

/** A part of the instance that can be not yet ready to serve, beside the database (an area contributes one). */
public interface ReadinessCheck {
    /** The member of {@code /readyz} that tells its state. */
    String name();

    /** Why it is not ready yet (a word such as {@code rebuilding}); empty when it is. */
    Optional<String> notReady();
}
