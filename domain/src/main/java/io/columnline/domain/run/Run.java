package io.columnline.domain.run;

import io.columnline.domain.client.ClientId;
import io.columnline.domain.error.Conflict;
import io.columnline.domain.error.Invalid;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** One pipeline execution for one client and one seed. Only a running run takes stages and steps. */
public record Run(
        RunId id,
        ClientId client,
        Seed seed,
        String pipelineVersion,
        Optional<String> externalId,
        RunStatus status,
        Optional<String> error,
        Instant startedAt,
        Optional<Instant> finishedAt) {

    public static final String DEFAULT_PIPELINE_VERSION = "v2";
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
    private static final int MAX_EXTERNAL_ID = 200;
    private static final int MAX_ERROR = 10_000;

    public Run {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(pipelineVersion, "pipelineVersion");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }

    public static Run start(
            RunId id,
            ClientId client,
            Seed seed,
            Optional<String> pipelineVersion,
            Optional<String> externalId,
            Instant now) {
        String version = pipelineVersion.map(String::strip).orElse(DEFAULT_PIPELINE_VERSION);
        if (!VERSION.matcher(version).matches()) {
            throw new Invalid(
                    "pipeline_version", "'" + version + "' may only contain letters, digits, '_', '.' and '-' (1-40)");
        }
        Optional<String> external = externalId.map(String::strip);
        if (external.isPresent() && (external.get().isEmpty() || external.get().length() > MAX_EXTERNAL_ID)) {
            throw new Invalid("external_id", "must be 1 to " + MAX_EXTERNAL_ID + " characters when given");
        }
        return new Run(id, client, seed, version, external, RunStatus.RUNNING, Optional.empty(), now, Optional.empty());
    }

    /** Whether a repeated start with the same external id asks for this very run. */
    public boolean startedWith(Seed otherSeed, Optional<String> otherPipelineVersion) {
        return seed.equals(otherSeed)
                && pipelineVersion.equals(
                        otherPipelineVersion.map(String::strip).orElse(DEFAULT_PIPELINE_VERSION));
    }

    public boolean isRunning() {
        return status == RunStatus.RUNNING;
    }

    /** Stages and steps may only be written while the run is running; {@code action} is a gerund phrase. */
    public void requireRunning(String action) {
        if (!isRunning()) {
            throw notRunning(id, status, action);
        }
    }

    /** The refusal of {@code action} on a run that has already finished with {@code status}. */
    public static Conflict notRunning(RunId id, RunStatus status, String action) {
        return new Conflict(
                "run " + id + " is already " + status.wire() + "; " + action + " is only possible while it is running");
    }

    /** Completing a completed run again answers the same run, so a retried call is harmless. */
    public Run complete(Instant now) {
        if (status == RunStatus.COMPLETED) {
            return this;
        }
        requireRunning("completing it");
        return new Run(
                id,
                client,
                seed,
                pipelineVersion,
                externalId,
                RunStatus.COMPLETED,
                Optional.empty(),
                startedAt,
                Optional.of(now));
    }

    /** Failing a failed run again keeps the first error and time. */
    public Run fail(String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new Invalid("error", "is required: say why the run failed");
        }
        if (reason.length() > MAX_ERROR) {
            throw new Invalid("error", "must be at most " + MAX_ERROR + " characters");
        }
        if (status == RunStatus.FAILED) {
            return this;
        }
        requireRunning("failing it");
        return new Run(
                id,
                client,
                seed,
                pipelineVersion,
                externalId,
                RunStatus.FAILED,
                Optional.of(reason.strip()),
                startedAt,
                Optional.of(now));
    }

    /**
     * Publishing ends a running or completed run; a published run answers unchanged, a failed one
     * cannot be published.
     */
    public Run publish(Instant now) {
        if (status == RunStatus.PUBLISHED) {
            return this;
        }
        if (status == RunStatus.FAILED) {
            throw new Conflict(
                    "run " + id + " failed, and a failed run cannot be published; start a new run of the company");
        }
        return new Run(
                id,
                client,
                seed,
                pipelineVersion,
                externalId,
                RunStatus.PUBLISHED,
                error,
                startedAt,
                Optional.of(finishedAt.orElse(now)));
    }

    /** Wall-clock time from start to finish, or to {@code now} while the run is running. */
    public Duration duration(Instant now) {
        return Duration.between(startedAt, finishedAt.orElse(now));
    }
}
