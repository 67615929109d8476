package io.columnline.application.tracking.port.in;

import io.columnline.domain.access.Caller;
import io.columnline.domain.usage.UsageDimension;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What steps cost and how they went, grouped by up to three dimensions (Langfuse's daily metrics). */
public interface UsageUseCase {
    Answer usage(Caller caller, Query query);

    /**
     * As a caller writes it: {@code client} a slug or id (a client key always gets its own);
     * {@code from}/{@code to} a date (its start in the answer's zone) or an ISO-8601 time, the range
     * {@code [from, to)}; {@code groupBy} one to three dimension names (none means day); {@code filters} a dimension
     * name to a comma-separated list of values, one of which a step must have.
     */
    record Query(
            Optional<String> client,
            Optional<String> from,
            Optional<String> to,
            List<String> groupBy,
            Map<String, String> filters) {
        public Query {
            groupBy = List.copyOf(groupBy);
            filters = Map.copyOf(filters);
        }
    }

    /**
     * {@code zone} is the one days and hours follow: the client's when one client is asked for,
     * UTC otherwise. {@code from}/{@code to} are the hours actually counted: an hour belongs to the
     * range, and to the day, its start falls in.
     */
    record Answer(ZoneId zone, Instant from, Instant to, List<UsageDimension> groupBy, List<Group> groups) {}

    /**
     * One group's figures. {@code keys} follow {@code groupBy}: a LocalDate for day, an Instant for
     * hour, the client's slug, an Integer prompt version, text otherwise; null where steps have none.
     * {@code runs} counts each run once, in the group of its first stored step. Latency percentiles
     * come from log-scale buckets, within {@code LatencySketch.RELATIVE_ERROR} of the true value.
     */
    record Group(
            List<Object> keys,
            long runs,
            long steps,
            long failedSteps,
            long tokensInput,
            long tokensOutput,
            BigDecimal costUsd,
            long stepsWithoutCost,
            Optional<Long> latencyP50Ms,
            Optional<Long> latencyP95Ms) {
        public Group {
            keys = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(keys));
        }
    }
}
