package io.columnline.application.tracking.port.out;

import io.columnline.domain.run.Run;
import io.columnline.domain.run.Stage;
import java.util.List;
import java.util.Optional;

public interface Stages {
    /** Reads a stage of the run for a change: nobody else changes it until the transaction ends. */
    Optional<Stage> lock(Run run, String name);

    /** Inserts the stage or overwrites the stored one of the same run and name. */
    void save(Stage stage);

    /** In the order they were first started, then by name. */
    List<Stage> ofRun(Run run);
}
