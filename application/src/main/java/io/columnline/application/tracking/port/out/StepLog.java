package io.columnline.application.tracking.port.out;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.RunStatus;
import io.columnline.domain.run.Step;
import io.columnline.domain.run.StepEntry.StepRef;
import io.columnline.domain.run.StepStatus;
import io.columnline.domain.run.Totals;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every LLM execution of every run. A step is identified by its run, step key and attempt. */
public interface StepLog {
    /**
     * Stores the steps, all of one run, whose identity is free, but only while that run exists for
     * the steps' client and is running: the run's status is checked and held in the same write, so
     * a run finished concurrently takes no step after it. Safe against concurrent writers of the
     * same identity. On success it answers for each step, in order, what is stored under its
     * identity now.
     */
    Appending append(List<Step> steps);

    /**
     * {@link #append} for a batch, all or nothing: when the identity of any step is taken by a step
     * with a different payload, none of the steps is stored and the answer is {@link
     * Appending.Clashed}. The steps must have distinct identities. Within a transaction, a clash
     * with a step stored concurrently is found too (the write waits for that step's transaction).
     */
    Appending appendAll(List<Step> steps);

    /** The steps of the client's run stored under any of these identities, in no particular order. */
    List<Step> find(ClientId client, RunId run, Collection<StepRef> refs);

    /** In the order they were logged (then by key and attempt). */
    Page<Step> list(Run run, Query query, PageRequest page);

    /** The successful attempt with the highest number. */
    Optional<Step> latestSucceeded(Run run, String stepKey);

    /**
     * Per section named by a successful step of the run, the latest such step (by time logged, then
     * attempt): what a dossier publishes as that section.
     */
    Map<String, Step> latestSucceededBySection(Run run);

    /** Per stage name, what its steps added up to; stages without steps are absent. */
    Map<String, Totals> totalsByStage(Run run);

    /** The highest attempt number stored for the step key in the run (over all its instances), or 0. */
    int lastAttempt(Run run, String stepKey);

    /** The newest {@code running} attempt of the step key and instance. */
    Optional<Step> running(Run run, String stepKey, String instance);

    /** Every {@code running} step of the run, oldest first. */
    List<Step> running(Run run);

    /**
     * Replaces a {@code running} attempt (same run, key and attempt) with its finished form; false,
     * changing nothing, when that attempt is no longer running (it timed out or was finished
     * concurrently).
     */
    boolean finish(Step finished);

    /**
     * Per step key and instance, the successful attempt with the highest number, of the given keys
     * (all keys when empty), ordered by key, then by time logged.
     */
    List<Step> latestSucceeded(Run run, Collection<String> stepKeys);

    /** The step keys of the run with a successful attempt. */
    java.util.Set<String> succeededKeys(Run run);

    /**
     * Fails up to {@code limit} steps still {@code running} that were prepared before {@code cutoff},
     * with the error {@code timed out}; safe for several instances at once (rows another sweeper is
     * failing are skipped). Answers how many it failed.
     */
    int timeOut(java.time.Instant cutoff, int limit);

    String TIMED_OUT = "timed out";

    /** A running step as the sweep fails it: status failure, error {@code timed out}, nothing else changed. */
    static Step timedOut(Step running) {
        var e = running.entry();
        var failed = new io.columnline.domain.run.StepEntry(
                e.stepKey(),
                e.attempt(),
                e.stage(),
                e.section(),
                e.promptKey(),
                e.promptVersion(),
                e.model(),
                e.input(),
                e.output(),
                e.tokensInput(),
                e.tokensOutput(),
                e.costUsd(),
                e.latencyMs(),
                StepStatus.FAILURE,
                Optional.of(TIMED_OUT),
                e.instance());
        return new Step(
                running.run(),
                running.client(),
                failed,
                running.costUsd(),
                running.costSource(),
                running.loggedAt(),
                running.warning());
    }

    /** {@code created} is false when the identity was taken: {@code stored} is then the earlier step. */
    record Appended(Step stored, boolean created) {}

    /** What an append did. */
    sealed interface Appending {
        /** No run with that id belongs to the steps' client; nothing was stored. */
        record NoRun() implements Appending {}

        /** The run has finished; nothing was stored. */
        record RunFinished(RunStatus status) implements Appending {}

        record Done(List<Appended> steps) implements Appending {}

        /** Nothing was stored: these stored steps carry the identity of a step with a different payload. */
        record Clashed(List<Step> stored) implements Appending {}
    }

    /** Empty parts do not filter. */
    record Query(Optional<String> stage, Optional<StepStatus> status) {}
}
