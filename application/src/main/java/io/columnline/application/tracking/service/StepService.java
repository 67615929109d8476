package io.columnline.application.tracking.service;

import io.columnline.application.prompts.port.in.PromptReferences;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.shared.Transactions;
import io.columnline.application.tracking.port.in.LogStepsUseCase;
import io.columnline.application.tracking.port.in.ReadStepsUseCase;
import io.columnline.application.tracking.port.in.RunAccess;
import io.columnline.application.tracking.port.out.StepLog;
import io.columnline.application.tracking.port.out.StepLog.Appended;
import io.columnline.application.tracking.port.out.StepLog.Appending;
import io.columnline.domain.Key;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.error.Conflict;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.error.Violations;
import io.columnline.domain.run.PriceTable;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.Step;
import io.columnline.domain.run.StepEntry;
import io.columnline.domain.run.StepEntry.StepRef;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

public final class StepService implements LogStepsUseCase, ReadStepsUseCase {
    /** A refused batch names at most this many clashing steps; the rest are counted. */
    private static final int CLASHES_NAMED = 10;

    private final StepLog log;
    private final RunAccess access;
    private final PriceBook prices;
    private final PromptReferences prompts;
    private final Transactions transactions;
    private final Clock clock;

    @Inject
    public StepService(
            StepLog log,
            RunAccess access,
            PriceBook prices,
            PromptReferences prompts,
            Transactions transactions,
            Clock clock) {
        this.log = log;
        this.access = access;
        this.prices = prices;
        this.prompts = prompts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The hot path: one atomic write that checks the run and stores the step, no transaction
     * around it. A client key names the run's client itself; an admin's call reads the run first.
     */
    @Override
    public Logged log(Caller caller, RunId runId, StepEntry.Draft draft) {
        StepEntry entry = draft.entry();
        entry.promptKey()
                .ifPresent(key -> entry.promptVersion()
                        .ifPresent(version -> prompts.requireVersionIfRegistered("prompt_version", key, version)));
        PriceTable table = prices.current();
        ClientId client =
                caller.ownClient().orElseGet(() -> access.visible(caller, runId).client());
        Step step = Step.log(runId, client, entry, table, clock.instant());
        Appended appended =
                stored(runId, log.append(List.of(step)), "logging a step").get(0);
        if (!appended.created() && !appended.stored().samePayloadAs(step)) {
            throw new Conflict(clash(runId, step, appended.stored())
                    + "; send the step unchanged to read it back, or log a retry under a new attempt number");
        }
        return new Logged(appended.stored(), appended.created());
    }

    private static List<Appended> stored(RunId runId, Appending appending, String action) {
        return switch (appending) {
            case Appending.Done done -> done.steps();
            case Appending.NoRun none -> throw new NotFound("run", runId);
            case Appending.RunFinished finished -> throw Run.notRunning(runId, finished.status(), action);
            case Appending.Clashed clashed ->
                throw new IllegalStateException("a single step cannot clash all or nothing");
        };
    }

    /**
     * All or nothing: when a step clashes with a logged one (the same identity with another payload,
     * logged before or concurrently), none is stored. One write stores the new steps and answers the
     * logged ones: no read before it.
     */
    @Override
    public List<Logged> logBatch(Caller caller, RunId runId, List<StepEntry.Draft> drafts) {
        List<StepEntry> entries = entries(drafts);
        Map<StepRef, StepEntry> distinct = distinct(entries);
        requireKnownPromptVersions(entries);
        PriceTable table = prices.current();
        return transactions.inTransaction(() -> {
            ClientId client = caller.ownClient()
                    .orElseGet(() -> access.visible(caller, runId).client());
            Instant now = clock.instant();
            Map<StepRef, Step> steps = new LinkedHashMap<>();
            distinct.forEach((ref, entry) -> steps.put(ref, Step.log(runId, client, entry, table, now)));

            Map<StepRef, Appended> appended = new HashMap<>();
            switch (log.appendAll(List.copyOf(steps.values()))) {
                case Appending.Done done ->
                    done.steps().forEach(a -> appended.put(a.stored().ref(), a));
                case Appending.NoRun none -> throw new NotFound("run", runId);
                case Appending.RunFinished finished -> throw Run.notRunning(runId, finished.status(), "logging steps");
                case Appending.Clashed clashed -> {
                    Map<StepRef, Step> stored = new HashMap<>();
                    clashed.stored().forEach(step -> stored.put(step.ref(), step));
                    refuseClashes(runId, entries, steps, stored);
                    throw new IllegalStateException("a clash was reported without a clashing step");
                }
            }

            List<Logged> answer = new ArrayList<>();
            Set<StepRef> answered = new HashSet<>();
            for (StepEntry entry : entries) {
                Appended step = appended.get(entry.ref());
                answer.add(new Logged(step.stored(), step.created() && answered.add(entry.ref())));
            }
            return answer;
        });
    }

    /** Checks every step and names each problem by its position: {@code steps[3].tokens_input}. */
    private static List<StepEntry> entries(List<StepEntry.Draft> drafts) {
        if (drafts == null || drafts.isEmpty()) {
            throw new Invalid("steps", "must contain at least one step");
        }
        if (drafts.size() > MAX_BATCH) {
            throw new Invalid(
                    "steps", "may contain at most " + MAX_BATCH + " steps, got " + drafts.size() + "; split the batch");
        }
        var problems = new Violations();
        List<StepEntry> entries = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            String at = "steps[" + i + "]";
            if (drafts.get(i) == null) {
                problems.add(at, "must be a step object, not null");
                continue;
            }
            try {
                entries.add(drafts.get(i).entry());
            } catch (Invalid e) {
                e.violations().forEach(v -> problems.add(at + "." + v.field(), v.message()));
            }
        }
        problems.throwIfAny();
        return entries;
    }

    /**
     * A step naming a registered prompt must name one of its versions; each distinct prompt is looked
     * up once per batch, and every step naming a missing version is reported.
     */
    private void requireKnownPromptVersions(List<StepEntry> entries) {
        var problems = new Violations();
        Map<String, Optional<Invalid>> checked = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            StepEntry entry = entries.get(i);
            if (entry.promptKey().isEmpty() || entry.promptVersion().isEmpty()) {
                continue;
            }
            String key = entry.promptKey().get();
            int version = entry.promptVersion().get();
            Optional<Invalid> refused = checked.computeIfAbsent(key + "\n" + version, k -> {
                try {
                    prompts.requireVersionIfRegistered("prompt_version", key, version);
                    return Optional.empty();
                } catch (Invalid e) {
                    return Optional.of(e);
                }
            });
            int at = i;
            refused.ifPresent(e ->
                    e.violations().forEach(v -> problems.add("steps[" + at + "]." + v.field(), v.message())));
        }
        problems.throwIfAny();
    }

    /** One entry per identity; the same identity twice must carry the same payload. */
    private static Map<StepRef, StepEntry> distinct(List<StepEntry> entries) {
        var problems = new Violations();
        Map<StepRef, Integer> firstAt = new HashMap<>();
        Map<StepRef, StepEntry> distinct = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            StepEntry entry = entries.get(i);
            Integer earlier = firstAt.putIfAbsent(entry.ref(), i);
            if (earlier == null) {
                distinct.put(entry.ref(), entry);
            } else if (!entries.get(earlier).fingerprint().equals(entry.fingerprint())) {
                problems.add(
                        "steps[" + i + "]",
                        "repeats step " + entry.ref() + " of steps[" + earlier + "] with a different payload ("
                                + String.join(", ", entry.differencesFrom(entries.get(earlier))) + ")");
            }
        }
        problems.throwIfAny();
        return distinct;
    }

    private static void refuseClashes(
            RunId run, List<StepEntry> entries, Map<StepRef, Step> steps, Map<StepRef, Step> stored) {
        List<String> clashes = new ArrayList<>();
        Map<StepRef, Boolean> reported = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            StepRef ref = entries.get(i).ref();
            Step earlier = stored.get(ref);
            if (earlier != null && !earlier.samePayloadAs(steps.get(ref)) && reported.put(ref, true) == null) {
                clashes.add("steps[" + i + "]: " + clash(run, steps.get(ref), earlier));
            }
        }
        if (!clashes.isEmpty()) {
            String named = clashes.stream().limit(CLASHES_NAMED).collect(Collectors.joining("; "));
            String more = clashes.size() > CLASHES_NAMED ? "; and " + (clashes.size() - CLASHES_NAMED) + " more" : "";
            throw new Conflict(
                    "no step of the batch was logged: " + clashes.size() + " clash with steps logged before: " + named
                            + more + ". Resend them unchanged, or log retries under new attempt numbers");
        }
    }

    private static String clash(RunId run, Step step, Step earlier) {
        return "step " + step.ref() + " of run " + run + " is already logged with a different "
                + String.join(", ", step.entry().differencesFrom(earlier.entry()));
    }

    @Override
    public Page<Step> list(Caller caller, RunId runId, ReadStepsUseCase.Query query, PageRequest page) {
        query.stage().ifPresent(stage -> Key.check("stage", stage));
        Run run = access.visible(caller, runId);
        return log.list(run, new StepLog.Query(query.stage(), query.status()), page);
    }

    @Override
    public Step latestSucceeded(Caller caller, RunId runId, String stepKey) {
        Key.check("step_key", stepKey);
        Run run = access.visible(caller, runId);
        return log.latestSucceeded(run, stepKey).orElseThrow(() -> new NotFound("successful attempt of step", stepKey));
    }

    @Override
    public Step attempt(Caller caller, RunId runId, String stepKey, int attempt) {
        Key.check("step_key", stepKey);
        if (attempt < 1) {
            throw new Invalid("attempt", "must be 1 or more, got " + attempt);
        }
        Run run = access.visible(caller, runId);
        StepRef ref = new StepRef(stepKey, attempt);
        return log.find(run.client(), run.id(), List.of(ref)).stream()
                .findFirst()
                .orElseThrow(() -> new NotFound("attempt " + attempt + " of step", stepKey));
    }
}
