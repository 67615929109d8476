package io.columnline.application.port.in;

import io.columnline.domain.access.Caller;
import io.columnline.domain.run.Seed;
import java.util.Optional;

/** Starts a run; the same external id for the same client answers the run it started before. */
public interface StartRunUseCase {
    Started start(Command command);

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
