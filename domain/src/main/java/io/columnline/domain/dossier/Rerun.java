package io.columnline.domain.dossier;

import io.columnline.domain.Key;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.run.RunId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A run started to research a dossier's company again; its publish supersedes that dossier. */
public record Rerun(RunId run, ClientId client, DossierId of, Optional<String> fromStage, Instant requestedAt) {
    public Rerun {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(of, "of");
        Objects.requireNonNull(fromStage, "fromStage");
        Objects.requireNonNull(requestedAt, "requestedAt");
        fromStage.ifPresent(stage -> Key.check("from_stage", stage));
    }
}
