package io.columnline.adapters.http.tracking;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.columnline.adapters.http.shared.PlainDecimal;
import io.columnline.adapters.http.shared.Request;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.application.tracking.port.in.UsageUseCase;
import io.columnline.application.tracking.port.in.UsageUseCase.Answer;
import io.columnline.application.tracking.port.in.UsageUseCase.Group;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.Violation;
import io.columnline.domain.usage.LatencySketch;
import io.columnline.domain.usage.UsageDimension;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code GET /api/v1/metrics/usage}: step figures per group, read from the hourly rollups. */
final class UsageRoutes implements Routes {
    private static final Set<String> PARAMETERS = Set.of("client", "from", "to", "group_by");

    private final UsageUseCase usage;

    @Inject
    UsageRoutes(UsageUseCase usage) {
        this.usage = usage;
    }

    record UsageView(
            String timeZone,
            Instant from,
            Instant to,
            List<String> groupBy,
            double latencyRelativeError,
            List<GroupView> data) {
        static UsageView from(Answer answer) {
            List<String> names =
                    answer.groupBy().stream().map(UsageDimension::wireName).toList();
            return new UsageView(
                    answer.zone().getId(),
                    answer.from(),
                    answer.to(),
                    names,
                    Math.round(LatencySketch.RELATIVE_ERROR * 10_000) / 10_000.0,
                    answer.groups().stream()
                            .map(g -> GroupView.from(answer.groupBy(), answer.zone(), g))
                            .toList());
        }
    }

    record GroupView(
            Map<String, Object> keys,
            long runs,
            long steps,
            long failedSteps,
            long tokensInput,
            long tokensOutput,
            @JsonSerialize(using = PlainDecimal.class) BigDecimal costUsd,
            long stepsWithoutCost,
            Long latencyP50Ms,
            Long latencyP95Ms) {
        static GroupView from(List<UsageDimension> groupBy, ZoneId zone, Group g) {
            Map<String, Object> keys = new LinkedHashMap<>();
            for (int i = 0; i < groupBy.size(); i++) {
                Object key = g.keys().get(i);
                keys.put(
                        groupBy.get(i).wireName(),
                        key instanceof Instant hour
                                ? OffsetDateTime.ofInstant(hour, zone).toString()
                                : key == null ? null : key instanceof Integer ? key : key.toString());
            }
            return new GroupView(
                    keys,
                    g.runs(),
                    g.steps(),
                    g.failedSteps(),
                    g.tokensInput(),
                    g.tokensOutput(),
                    g.costUsd(),
                    g.stepsWithoutCost(),
                    g.latencyP50Ms().orElse(null),
                    g.latencyP95Ms().orElse(null));
        }
    }

    @Override
    public void register(Router router) {
        router.get("/api/v1/metrics/usage", r -> Response.ok(UsageView.from(usage.usage(r.caller(), query(r)))));
    }

    private static UsageUseCase.Query query(Request r) {
        Map<String, String> filters = new LinkedHashMap<>();
        List<Violation> problems = new ArrayList<>();
        r.queryParameters().forEach((name, value) -> {
            if (name.startsWith("filter[") && name.endsWith("]")) {
                filters.put(name.substring("filter[".length(), name.length() - 1), value);
            } else if (!PARAMETERS.contains(name)) {
                problems.add(
                        new Violation(name, "unknown parameter; allowed: client, from, to, group_by and filter[...]"));
            }
        });
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        List<String> groupBy = r.query("group_by")
                .map(value -> Arrays.asList(value.split(",", -1)))
                .orElse(List.of());
        return new UsageUseCase.Query(r.query("client"), r.query("from"), r.query("to"), groupBy, filters);
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/usage.json");
    }
}
