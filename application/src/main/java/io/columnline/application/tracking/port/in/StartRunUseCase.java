package io.columnline.application.tracking.port.in;

import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.Seed;
import java.util.Optional;

/**
 * Starts a run; the same external id for the same client answers the run it started before. The
 * seed may be {@link Seed#NONE} or name no company (a discovery run).
 */
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
            Optional<String> externalId,
            Optional<PipelineChoice> pipeline,
            Optional<String> triggeredBy,
            Optional<JsonDocument> inputData) {
        public Command {
            seed = seed == null ? Seed.NONE : seed;
        }

        public Command(
                Caller caller,
                Optional<String> client,
                Seed seed,
                Optional<String> pipelineVersion,
                Optional<String> externalId) {
            this(
                    caller,
                    client,
                    seed,
                    pipelineVersion,
                    externalId,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty());
        }
    }

    /**
     * The pipeline definition a run follows: its key and a version (default: the version labelled
     * {@code production}). A start naming none follows the client's default pipeline, if it has one.
     */
    record PipelineChoice(String key, Optional<Integer> version) {}

    record Started(RunDetails run, boolean created) {}
}
