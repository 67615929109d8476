package io.columnline.application.tracking.service;

import io.columnline.application.tracking.port.in.RunAccess;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.application.tracking.port.out.StepLog;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.error.Conflict;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.Step;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs as the caller may see them, read from storage on every call. */
public final class RunAccessService implements RunAccess {
    private final Runs runs;
    private final StepLog steps;

    @Inject
    public RunAccessService(Runs runs, StepLog steps) {
        this.runs = runs;
        this.steps = steps;
    }

    @Override
    public Run visible(Caller caller, RunId id) {
        return visibleOrMissing(caller, id, runs.byId(id));
    }

    @Override
    public RunId resolve(Caller caller, String idOrExternalId) {
        if (idOrExternalId == null || idOrExternalId.isBlank()) {
            throw new NotFound("run", idOrExternalId);
        }
        if (RunId.parses(idOrExternalId)) {
            return new RunId(java.util.UUID.fromString(idOrExternalId));
        }
        Optional<ClientId> own = caller.ownClient();
        if (own.isPresent()) {
            return runs.byExternalId(own.get(), idOrExternalId)
                    .map(Run::id)
                    .orElseThrow(() -> new NotFound("run", idOrExternalId));
        }
        List<Run> found = runs.byExternalIdOfAnyClient(idOrExternalId);
        if (found.size() > 1) {
            throw new Conflict("external id '" + idOrExternalId
                    + "' names runs of more than one client; use the run's id (a UUID) with an admin key");
        }
        return found.stream().findFirst().map(Run::id).orElseThrow(() -> new NotFound("run", idOrExternalId));
    }

    @Override
    public Run locked(Caller caller, RunId id) {
        return visibleOrMissing(caller, id, runs.lock(id));
    }

    @Override
    public Run lockedShared(Caller caller, RunId id) {
        return visibleOrMissing(caller, id, runs.lockShared(id));
    }

    @Override
    public Map<String, Step> latestSucceededBySection(Run run) {
        return steps.latestSucceededBySection(run);
    }

    private static Run visibleOrMissing(Caller caller, RunId id, Optional<Run> run) {
        return run.filter(r -> caller.canSee(r.client())).orElseThrow(() -> new NotFound("run", id));
    }
}
