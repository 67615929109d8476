package io.columnline.application.publishing.port.out;

import io.columnline.domain.dossier.Rerun;
import io.columnline.domain.run.RunId;
import java.util.Optional;

/** Which runs were started to redo a dossier. */
public interface Reruns {
    void insert(Rerun rerun);

    /**
     * The rerun a run was started as. A publish reads it joined to its run (Publications.lockSubject);
     * kept for the in-memory Publications, which reads it from here, and for tests.
     */
    Optional<Rerun> ofRun(RunId run);
}
