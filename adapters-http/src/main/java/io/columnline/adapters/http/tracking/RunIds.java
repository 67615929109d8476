package io.columnline.adapters.http.tracking;

import io.columnline.adapters.http.shared.Request;
import io.columnline.application.tracking.port.in.RunAccess;
import io.columnline.domain.run.RunId;
import jakarta.inject.Inject;

/** A run named in a path or body: its id, or its external id ({@code RUN_20260114_002901}). */
final class RunIds {
    private final RunAccess access;

    @Inject
    RunIds(RunAccess access) {
        this.access = access;
    }

    RunId of(Request r) {
        return access.resolve(r.caller(), r.path("id"));
    }

    RunId of(Request r, String idOrExternalId) {
        return access.resolve(r.caller(), idOrExternalId);
    }
}
