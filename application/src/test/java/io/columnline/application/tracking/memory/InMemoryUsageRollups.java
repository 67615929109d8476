package io.columnline.application.tracking.memory;

import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.port.out.UsageRollups;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.Step;
import io.columnline.domain.run.StepStatus;
import io.columnline.domain.usage.LatencySketch;
import io.columnline.domain.usage.UsageDimension;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sums the in-memory steps on every call, as the Postgres rollups do as steps arrive. A run is
 * counted at its first step in log order, which is its first stored step when steps arrive in log
 * order, as they do in the contract test.
 */
public final class InMemoryUsageRollups implements UsageRollups {
    private static final Comparator<Step> LOG_ORDER = Comparator.comparing(Step::loggedAt)
            .thenComparing(s -> s.entry().stepKey())
            .thenComparingInt(s -> s.entry().attempt());

    private final InMemoryRuns runs;
    private final InMemoryStepLog steps;
    private final Clients clients;

    public InMemoryUsageRollups(InMemoryRuns runs, InMemoryStepLog steps, Clients clients) {
        this.runs = runs;
        this.steps = steps;
        this.clients = clients;
    }

    private record Sums(
            long runs,
            long steps,
            long failed,
            long tokensInput,
            long tokensOutput,
            BigDecimal cost,
            long withoutCost,
            LatencySketch latency) {
        static final Sums NONE = new Sums(0, 0, 0, 0, 0, BigDecimal.ZERO, 0, LatencySketch.empty());

        Sums plus(Step step, boolean counts) {
            var e = step.entry();
            return new Sums(
                    runs + (counts ? 1 : 0),
                    steps + 1,
                    failed + (e.status() == StepStatus.FAILURE ? 1 : 0),
                    tokensInput + e.tokensInput().orElse(0L),
                    tokensOutput + e.tokensOutput().orElse(0L),
                    cost.add(step.costUsd().orElse(BigDecimal.ZERO)),
                    withoutCost + (step.costUsd().isEmpty() ? 1 : 0),
                    e.latencyMs().map(latency::with).orElse(latency));
        }
    }

    @Override
    public List<Row> groups(Selection selection) {
        Map<RunId, Run> byId = runs.all().collect(Collectors.toMap(Run::id, Function.identity()));
        List<Step> chosen = steps.all()
                .filter(s -> selection.client().map(s.client()::equals).orElse(true))
                .filter(s -> {
                    Instant hour = s.loggedAt().truncatedTo(ChronoUnit.HOURS);
                    return !hour.isBefore(selection.from()) && hour.isBefore(selection.to());
                })
                .filter(s -> selection.filters().entrySet().stream()
                        .allMatch(f -> f.getValue().contains(stored(f.getKey(), s, byId.get(s.run())))))
                .toList();
        Map<RunId, Step> firsts = steps.all()
                .collect(Collectors.toMap(
                        Step::run, Function.identity(), (a, b) -> LOG_ORDER.compare(a, b) <= 0 ? a : b));
        Map<List<Object>, Sums> groups = new HashMap<>();
        for (Step step : chosen) {
            List<Object> key = new ArrayList<>();
            for (UsageDimension d : selection.groupBy()) {
                key.add(key(d, step, byId.get(step.run()), selection));
            }
            boolean counts = firsts.get(step.run()) == step;
            groups.merge(key, Sums.NONE.plus(step, counts), (a, b) -> merge(a, b));
        }
        Map<List<Object>, Sums> ordered = new LinkedHashMap<>();
        groups.entrySet().stream()
                .sorted((a, b) -> compare(a.getKey(), b.getKey()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered.entrySet().stream()
                .map(e -> new Row(
                        e.getKey(),
                        e.getValue().runs(),
                        e.getValue().steps(),
                        e.getValue().failed(),
                        e.getValue().tokensInput(),
                        e.getValue().tokensOutput(),
                        normalize(e.getValue().cost()),
                        e.getValue().withoutCost(),
                        e.getValue().latency()))
                .toList();
    }

    private static Sums merge(Sums a, Sums b) {
        return new Sums(
                a.runs() + b.runs(),
                a.steps() + b.steps(),
                a.failed() + b.failed(),
                a.tokensInput() + b.tokensInput(),
                a.tokensOutput() + b.tokensOutput(),
                a.cost().add(b.cost()),
                a.withoutCost() + b.withoutCost(),
                a.latency().plus(b.latency()));
    }

    /** The value a filter compares: as the rollups store it, '' for none. */
    private static String stored(UsageDimension d, Step s, Run run) {
        var e = s.entry();
        return switch (d) {
            case MODEL -> e.model().orElse("");
            case STAGE -> e.stage();
            case STEP_KEY -> e.stepKey();
            case PROMPT_KEY -> e.promptKey().orElse("");
            case PROMPT_VERSION -> e.promptVersion().map(String::valueOf).orElse("0");
            case SECTION -> e.section().orElse("");
            case PIPELINE_VERSION -> run.pipelineVersion();
            case STATUS -> e.status().wire();
            case DAY, HOUR, CLIENT -> throw new IllegalArgumentException(d + " is not a filter");
        };
    }

    private Object key(UsageDimension d, Step s, Run run, Selection selection) {
        Instant hour = s.loggedAt().truncatedTo(ChronoUnit.HOURS);
        var e = s.entry();
        return switch (d) {
            case DAY -> hour.atZone(selection.zone()).toLocalDate();
            case HOUR -> hour;
            case CLIENT -> clients.byId(s.client()).orElseThrow().slug().value();
            case PROMPT_VERSION -> e.promptVersion().orElse(null);
            case MODEL -> e.model().orElse(null);
            case PROMPT_KEY -> e.promptKey().orElse(null);
            case SECTION -> e.section().orElse(null);
            default -> stored(d, s, run);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            if (Objects.equals(x, y)) {
                continue;
            }
            if (x == null) {
                return 1;
            }
            if (y == null) {
                return -1;
            }
            return ((Comparable) x).compareTo(y);
        }
        return 0;
    }

    private static BigDecimal normalize(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
