package io.columnline.application.tracking.memory;

import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tracking.port.out.StepLog;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.Step;
import io.columnline.domain.run.StepEntry.StepRef;
import io.columnline.domain.run.StepStatus;
import io.columnline.domain.run.Totals;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryStepLog implements StepLog {
    private static final Comparator<Step> LOG_ORDER = Comparator.comparing(Step::loggedAt)
            .thenComparing(s -> s.entry().stepKey())
            .thenComparingInt(s -> s.entry().attempt());

    private record Id(RunId run, StepRef ref) {}

    private final Map<Id, Step> steps = new ConcurrentHashMap<>();
    private final InMemoryRuns runs;

    public InMemoryStepLog(InMemoryRuns runs) {
        this.runs = runs;
    }

    @Override
    public synchronized Appending append(List<Step> fresh) {
        if (fresh.stream().map(Step::run).distinct().count() > 1) {
            throw new IllegalArgumentException("an append takes the steps of one run");
        }
        Step first = fresh.get(0);
        Optional<Run> run = runs.byId(first.run()).filter(r -> r.client().equals(first.client()));
        if (run.isEmpty()) {
            return new Appending.NoRun();
        }
        if (!run.get().isRunning()) {
            return new Appending.RunFinished(run.get().status());
        }
        return new Appending.Done(fresh.stream()
                .map(step -> {
                    Step earlier = steps.putIfAbsent(new Id(step.run(), step.ref()), step);
                    return earlier == null ? new Appended(step, true) : new Appended(earlier, false);
                })
                .toList());
    }

    @Override
    public synchronized Appending appendAll(List<Step> fresh) {
        Step first = fresh.get(0);
        Optional<Run> run = runs.byId(first.run()).filter(r -> r.client().equals(first.client()));
        if (run.isPresent() && run.get().isRunning()) {
            List<Step> clashing = fresh.stream()
                    .map(step -> Optional.ofNullable(steps.get(new Id(step.run(), step.ref())))
                            .filter(earlier -> !earlier.samePayloadAs(step)))
                    .flatMap(Optional::stream)
                    .toList();
            if (!clashing.isEmpty()) {
                return new Appending.Clashed(clashing);
            }
        }
        return append(fresh);
    }

    @Override
    public List<Step> find(ClientId client, RunId run, Collection<StepRef> refs) {
        return refs.stream()
                .distinct()
                .map(ref -> steps.get(new Id(run, ref)))
                .filter(s -> s != null && s.client().equals(client))
                .toList();
    }

    @Override
    public Page<Step> list(Run run, Query query, PageRequest page) {
        Optional<Position> after = page.cursor().map(InMemoryStepLog::position);
        List<Step> rows = ofRun(run)
                .filter(s -> query.stage().map(s.entry().stage()::equals).orElse(true))
                .filter(s -> query.status().map(s.entry().status()::equals).orElse(true))
                .filter(s -> after.map(p -> p.precedes(s)).orElse(true))
                .sorted(LOG_ORDER)
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromLookahead(
                rows,
                page.limit(),
                s -> Cursor.of(
                        s.loggedAt().toString(),
                        s.entry().stepKey(),
                        Integer.toString(s.entry().attempt())));
    }

    @Override
    public Optional<Step> latestSucceeded(Run run, String stepKey) {
        return ofRun(run)
                .filter(s -> s.entry().stepKey().equals(stepKey) && s.entry().status() == StepStatus.SUCCESS)
                .max(Comparator.comparingInt(s -> s.entry().attempt()));
    }

    @Override
    public Map<String, Step> latestSucceededBySection(Run run) {
        Map<String, Step> latest = new TreeMap<>();
        ofRun(run)
                .filter(s -> s.entry().status() == StepStatus.SUCCESS
                        && s.entry().section().isPresent())
                .sorted(LOG_ORDER.thenComparingInt(s -> s.entry().attempt()))
                .forEach(s -> latest.put(s.entry().section().get(), s));
        return latest;
    }

    @Override
    public int lastAttempt(Run run, String stepKey) {
        return ofRun(run)
                .filter(s -> s.entry().stepKey().equals(stepKey))
                .mapToInt(s -> s.entry().attempt())
                .max()
                .orElse(0);
    }

    @Override
    public Optional<Step> running(Run run, String stepKey, String instance) {
        return ofRun(run)
                .filter(s -> s.entry().stepKey().equals(stepKey)
                        && s.entry().instance().equals(instance)
                        && s.entry().status() == StepStatus.RUNNING)
                .max(Comparator.comparingInt(s -> s.entry().attempt()));
    }

    @Override
    public List<Step> running(Run run) {
        return ofRun(run)
                .filter(s -> s.entry().status() == StepStatus.RUNNING)
                .sorted(LOG_ORDER)
                .toList();
    }

    @Override
    public synchronized boolean finish(Step finished) {
        Id id = new Id(finished.run(), finished.ref());
        Step now = steps.get(id);
        if (now == null
                || now.entry().status() != StepStatus.RUNNING
                || !now.client().equals(finished.client())) {
            return false;
        }
        steps.put(id, finished);
        return true;
    }

    @Override
    public List<Step> latestSucceeded(Run run, Collection<String> stepKeys) {
        Map<String, Step> latest = new TreeMap<>();
        ofRun(run)
                .filter(s -> s.entry().status() == StepStatus.SUCCESS
                        && (stepKeys.isEmpty() || stepKeys.contains(s.entry().stepKey())))
                .forEach(s -> latest.merge(
                        s.entry().stepKey() + "\n" + s.entry().instance(),
                        s,
                        (a, b) -> a.entry().attempt() >= b.entry().attempt() ? a : b));
        return latest.values().stream()
                .sorted(Comparator.comparing((Step s) -> s.entry().stepKey()).thenComparing(LOG_ORDER))
                .toList();
    }

    @Override
    public java.util.Set<String> succeededKeys(Run run) {
        return ofRun(run)
                .filter(s -> s.entry().status() == StepStatus.SUCCESS)
                .map(s -> s.entry().stepKey())
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    @Override
    public synchronized int timeOut(Instant cutoff, int limit) {
        List<Map.Entry<Id, Step>> stale = steps.entrySet().stream()
                .filter(e -> e.getValue().entry().status() == StepStatus.RUNNING
                        && e.getValue().loggedAt().isBefore(cutoff))
                .limit(limit)
                .toList();
        stale.forEach(e -> steps.put(e.getKey(), StepLog.timedOut(e.getValue())));
        return stale.size();
    }

    /** Every step of every run, for the in-memory readers of the step log. */
    public java.util.stream.Stream<Step> all() {
        return steps.values().stream();
    }

    @Override
    public Map<String, Totals> totalsByStage(Run run) {
        Map<String, Totals> totals = new TreeMap<>();
        ofRun(run).forEach(s -> totals.merge(s.entry().stage(), Totals.of(s), Totals::plus));
        return totals;
    }

    private java.util.stream.Stream<Step> ofRun(Run run) {
        return steps.values().stream().filter(s -> s.run().equals(run.id()));
    }

    private record Position(Instant loggedAt, String stepKey, int attempt) {
        boolean precedes(Step step) {
            int byTime = step.loggedAt().compareTo(loggedAt);
            if (byTime != 0) {
                return byTime > 0;
            }
            int byKey = step.entry().stepKey().compareTo(stepKey);
            return byKey != 0 ? byKey > 0 : step.entry().attempt() > attempt;
        }
    }

    private static Position position(Cursor cursor) {
        try {
            return new Position(Instant.parse(cursor.value(0)), cursor.value(1), Integer.parseInt(cursor.value(2)));
        } catch (DateTimeParseException | IndexOutOfBoundsException | NumberFormatException e) {
            throw new Invalid("cursor", "is not a cursor this API returned; pass next_cursor unchanged");
        }
    }
}
