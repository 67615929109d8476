package io.columnline.application.tracking.port.in;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.RunStatus;
import java.time.Instant;
import java.util.Optional;

public interface ReadRunsUseCase {
    RunDetails get(Caller caller, RunId id);

    /**
     * The run a client's caller started under this external id (Make.com's own run id, such as
     * {@code RUN_20260114_002901}); {@code client} is a slug or id, and a client key may leave it out
     * to mean its own. Not found is {@code NotFound}, like another client's run.
     */
    RunDetails byExternalId(Caller caller, Optional<String> client, String externalId);

    /** Newest first; a client key sees only its own client's runs. */
    Page<ListedRun> list(Caller caller, Query query, PageRequest page);

    /** {@code client} is a slug or a client id; empty parts do not filter. */
    record Query(Optional<String> client, Optional<RunStatus> status, Optional<Instant> since) {}

    record ListedRun(Run run, ClientSlug client) {}
}
