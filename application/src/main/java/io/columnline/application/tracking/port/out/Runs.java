package io.columnline.application.tracking.port.out;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface Runs {
    /** Stores a new run; a second run with the same client and external id is refused by storage. */
    void insert(Run run);

    /** Stores the run's seed (its company), status, error, finish time and output data. */
    void update(Run run);

    Optional<Run> byId(RunId id);

    /** Reads the run for a status change: nobody else may change it until the transaction ends. */
    Optional<Run> lock(RunId id);

    /**
     * Reads the run for writing its stages or steps: its status cannot change until the transaction
     * ends, while other writers of stages and steps go on in parallel.
     */
    Optional<Run> lockShared(RunId id);

    Optional<Run> byExternalId(ClientId client, String externalId);

    /** Up to two runs of any client with this external id: an admin's lookup, ambiguous when two answer. */
    List<Run> byExternalIdOfAnyClient(String externalId);

    /** Newest first (by start time, then id). */
    Page<Run> list(Query query, PageRequest page);

    /**
     * Empty parts do not filter; {@code since} keeps runs started at or after it, {@code until}
     * those started before it; {@code company} matches the seed's company name or domain as a
     * case-insensitive substring; {@code externalId} matches exactly.
     */
    record Query(
            Optional<ClientId> client,
            Optional<RunStatus> status,
            Optional<Instant> since,
            Optional<Instant> until,
            Optional<String> pipelineVersion,
            Optional<String> company,
            Optional<String> externalId) {
        public Query(Optional<ClientId> client, Optional<RunStatus> status, Optional<Instant> since) {
            this(client, status, since, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** Whether the run passes every filter. */
        public boolean matches(Run run) {
            return client.map(run.client()::equals).orElse(true)
                    && status.map(run.status()::equals).orElse(true)
                    && since.map(s -> !run.startedAt().isBefore(s)).orElse(true)
                    && until.map(run.startedAt()::isBefore).orElse(true)
                    && pipelineVersion.map(run.pipelineVersion()::equals).orElse(true)
                    && company.map(c -> contains(run.seed().companyName(), c)
                                    || contains(run.seed().domain(), c))
                            .orElse(true)
                    && externalId
                            .map(x -> run.externalId().equals(Optional.of(x)))
                            .orElse(true);
        }

        private static boolean contains(String text, String part) {
            return text != null
                    && text.toLowerCase(java.util.Locale.ROOT).contains(part.toLowerCase(java.util.Locale.ROOT));
        }
    }
}
