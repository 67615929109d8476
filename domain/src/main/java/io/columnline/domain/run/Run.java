package io.columnline.domain.run;

import io.columnline.domain.client.ClientId;
import io.columnline.domain.error.Conflict;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.json.JsonValue;
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
        Optional<Instant> finishedAt,
        Launch launch,
        Optional<JsonDocument> outputData) {

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
        Objects.requireNonNull(launch, "launch");
        Objects.requireNonNull(outputData, "outputData");
    }

    /**
     * How a run was started, beyond its seed: the pipeline definition it follows (none for runs that
     * log steps without one), who triggered it and the caller's own data about it, shown on the run.
     */
    public record Launch(
            Optional<RunPipeline> pipeline, Optional<String> triggeredBy, Optional<JsonDocument> inputData) {
        public static final Launch NONE = new Launch(Optional.empty(), Optional.empty(), Optional.empty());
        private static final int MAX_TRIGGERED_BY = 200;

        public Launch {
            Objects.requireNonNull(pipeline, "pipeline");
            Objects.requireNonNull(inputData, "inputData");
            triggeredBy = triggeredBy.map(String::strip);
            if (triggeredBy.isPresent()
                    && (triggeredBy.get().isEmpty() || triggeredBy.get().length() > MAX_TRIGGERED_BY)) {
                throw new Invalid("triggered_by", "must be 1 to " + MAX_TRIGGERED_BY + " characters when given");
            }
        }
    }

    public Optional<RunPipeline> pipeline() {
        return launch.pipeline();
    }

    /**
     * The dossier id the run's scenario carries, {@code input_data.dossier_id} (the origin's {@code
     * DOSS_…}): its steps see it, and its dossier takes it as its external id.
     */
    public Optional<String> carriedDossierId() {
        return launch.inputData()
                .map(JsonValue::of)
                .flatMap(v -> v instanceof JsonValue.Obj o ? o.get("dossier_id") : Optional.empty())
                .flatMap(v ->
                        v instanceof JsonValue.Str s ? Optional.of(s.value().strip()) : Optional.empty())
                .filter(id -> !id.isEmpty() && id.length() <= 200);
    }

    public static Run start(
            RunId id,
            ClientId client,
            Seed seed,
            Optional<String> pipelineVersion,
            Optional<String> externalId,
            Instant now) {
        return start(id, client, seed, pipelineVersion, externalId, Launch.NONE, now);
    }

    public static Run start(
            RunId id,
            ClientId client,
            Seed seed,
            Optional<String> pipelineVersion,
            Optional<String> externalId,
            Launch launch,
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
        if (external.isPresent() && RunId.parses(external.get())) {
            // a path segment is a run id when it parses as a UUID, else an external id: they never collide
            throw new Invalid(
                    "external_id", "'" + external.get() + "' is a UUID; an external id must not look like a run id");
        }
        return new Run(
                id,
                client,
                seed,
                version,
                external,
                RunStatus.RUNNING,
                Optional.empty(),
                now,
                Optional.empty(),
                launch,
                Optional.empty());
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
        return complete(Optional.empty(), now);
    }

    /** {@code outputData} is the caller's own summary of what the run produced, shown on the run. */
    public Run complete(Optional<JsonDocument> outputData, Instant now) {
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
                Optional.of(now),
                launch,
                outputData.or(() -> this.outputData));
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
                Optional.of(now),
                launch,
                outputData);
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
                Optional.of(finishedAt.orElse(now)),
                launch,
                outputData);
    }

    /** The run with the company named (a discovery run's seed effect, or a PATCH); only while running. */
    public Run withSeed(Seed named) {
        requireRunning("naming its company");
        return new Run(
                id,
                client,
                named,
                pipelineVersion,
                externalId,
                status,
                error,
                startedAt,
                finishedAt,
                launch,
                outputData);
    }

    /** Wall-clock time from start to finish, or to {@code now} while the run is running. */
    public Duration duration(Instant now) {
        return Duration.between(startedAt, finishedAt.orElse(now));
    }
}
