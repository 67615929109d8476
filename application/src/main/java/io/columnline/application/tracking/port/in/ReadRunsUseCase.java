package io.columnline.application.tracking.port.in;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.RunStatus;
import io.columnline.domain.run.Totals;
import java.time.Instant;
import java.util.Optional;

public interface ReadRunsUseCase {
    RunDetails get(Caller caller, RunId id);

    /** Newest first; a client key sees only its own client's runs. */
    Page<ListedRun> list(Caller caller, Query query, PageRequest page);

    /**
     * {@code client} is a slug or a client id; empty parts do not filter; {@code until} keeps runs
     * started before it, {@code company} matches the company name or domain as a substring,
     * {@code externalId} matches exactly.
     */
    record Query(
            Optional<String> client,
            Optional<RunStatus> status,
            Optional<Instant> since,
            Optional<Instant> until,
            Optional<String> pipelineVersion,
            Optional<String> company,
            Optional<String> externalId) {
        public Query(Optional<String> client, Optional<RunStatus> status, Optional<Instant> since) {
            this(client, status, since, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** A run of a list, with what its steps added up to so far. */
    record ListedRun(Run run, ClientSlug client, Totals totals) {}
}
