package io.columnline.domain.run;

import io.columnline.domain.Key;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.error.Conflict;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.json.JsonDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A named phase of a run. Starting it again after a failure or retry counts another attempt;
 * repeating a call that already took effect answers the stage unchanged, so retries are harmless.
 */
public record Stage(
        RunId run,
        ClientId client,
        String name,
        StageStatus status,
        int attempts,
        Optional<String> errorSummary,
        Optional<JsonDocument> inputRefs,
        Optional<JsonDocument> outputRefs,
        Optional<JsonDocument> metrics,
        Instant startedAt,
        Optional<Instant> finishedAt) {

    public Stage {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(client, "client");
        Key.check("stage", name);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(errorSummary, "errorSummary");
        Objects.requireNonNull(inputRefs, "inputRefs");
        Objects.requireNonNull(outputRefs, "outputRefs");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (attempts < 1) {
            throw new IllegalArgumentException("a stage has at least one attempt");
        }
    }

    /** How a stage attempt ended, as the caller reports it. */
    public record Outcome(
            StageStatus status,
            Optional<String> errorSummary,
            Optional<JsonDocument> inputRefs,
            Optional<JsonDocument> outputRefs,
            Optional<JsonDocument> metrics) {
        private static final int MAX_ERROR_SUMMARY = 10_000;

        public Outcome {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(errorSummary, "errorSummary");
            Objects.requireNonNull(inputRefs, "inputRefs");
            Objects.requireNonNull(outputRefs, "outputRefs");
            Objects.requireNonNull(metrics, "metrics");
            if (status == StageStatus.RUNNING) {
                throw new Invalid("status", "a stage completes with success, failure, retry or skipped, not running");
            }
            if (errorSummary.isPresent() && errorSummary.get().length() > MAX_ERROR_SUMMARY) {
                throw new Invalid("error_summary", "must be at most " + MAX_ERROR_SUMMARY + " characters");
            }
        }

        /** Without a status, an error given means the stage failed; none means it succeeded. */
        public static Outcome of(
                String status,
                Optional<String> errorSummary,
                Optional<JsonDocument> inputRefs,
                Optional<JsonDocument> outputRefs,
                Optional<JsonDocument> metrics) {
            StageStatus parsed = status == null
                    ? errorSummary.filter(e -> !e.isBlank()).isPresent() ? StageStatus.FAILURE : StageStatus.SUCCESS
                    : StageStatus.parse("status", status);
            return new Outcome(parsed, errorSummary, inputRefs, outputRefs, metrics);
        }
    }

    public static Stage start(Run run, String name, Instant now) {
        return new Stage(
                run.id(),
                run.client(),
                name,
                StageStatus.RUNNING,
                1,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                now,
                Optional.empty());
    }

    /** Old scenarios only report completions: a stage completed without a start is one finished attempt. */
    public static Stage completedWithoutStart(Run run, String name, Outcome outcome, Instant now) {
        return start(run, name, now).complete(outcome, now);
    }

    public Stage startAgain(Instant now) {
        if (status == StageStatus.RUNNING) {
            return this;
        }
        if (!status.allowsAnotherAttempt()) {
            throw new Conflict("stage '" + name + "' of run " + run + " already ended with " + status.wire()
                    + "; only a stage that ended with failure or retry can be started again");
        }
        return new Stage(
                run,
                client,
                name,
                StageStatus.RUNNING,
                attempts + 1,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                now,
                Optional.empty());
    }

    /**
     * Ends the current attempt. The same completion sent again answers the stage unchanged; a
     * different one after failure or retry counts as a new attempt that ended that way.
     */
    public Stage complete(Outcome outcome, Instant now) {
        if (status == StageStatus.RUNNING) {
            return new Stage(
                    run,
                    client,
                    name,
                    outcome.status(),
                    attempts,
                    outcome.errorSummary(),
                    outcome.inputRefs(),
                    outcome.outputRefs(),
                    outcome.metrics(),
                    startedAt,
                    Optional.of(now));
        }
        if (endedWith(outcome)) {
            return this;
        }
        if (status.allowsAnotherAttempt()) {
            return startAgain(now).complete(outcome, now);
        }
        throw new Conflict("stage '" + name + "' of run " + run + " already ended with " + status.wire()
                + "; it cannot be completed again with a different result");
    }

    private boolean endedWith(Outcome outcome) {
        return status == outcome.status()
                && errorSummary.equals(outcome.errorSummary())
                && inputRefs.equals(outcome.inputRefs())
                && outputRefs.equals(outcome.outputRefs())
                && metrics.equals(outcome.metrics());
    }

    public Duration duration(Instant now) {
        return Duration.between(startedAt, finishedAt.orElse(now));
    }
}
