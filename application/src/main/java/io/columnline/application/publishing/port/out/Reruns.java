package io.columnline.application.publishing.port.out;

import io.columnline.domain.dossier.Rerun;
import io.columnline.domain.run.RunId;
import java.util.Optional;

/** Which runs were started to redo a dossier. */
public interface Reruns {
    void insert(Rerun rerun);

    Optional<Rerun> ofRun(RunId run);
}
