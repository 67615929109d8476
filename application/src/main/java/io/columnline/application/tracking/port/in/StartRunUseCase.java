package io.columnline.application.tracking.port.in;

import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.Seed;
import java.util.Optional;

/** Starts a run; the same external id for the same client answers the run it started before. */
public interface StartRunUseCase {
    Started start(Command command);

    /**
     * A new run of the original's seed and pipeline version, in today's batch, inside the caller's
     * transaction: a rerun, which its caller was allowed to ask for.
     */
    RunDetails startAgain(Client client, RunId original);

    /**
     * {@code client} is a slug or a client id; a client key may leave it out to mean its own
     * client.
     */
    record Command(
            Caller caller,
            Optional<String> client,
            Seed seed,
            Optional<String> pipelineVersion,
            Optional<String> externalId) {}

    record Started(RunDetails run, boolean created) {}
}
