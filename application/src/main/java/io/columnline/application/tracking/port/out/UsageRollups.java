package io.columnline.application.tracking.port.out;

import io.columnline.domain.client.ClientId;
import io.columnline.domain.usage.LatencySketch;
import io.columnline.domain.usage.UsageDimension;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Step figures summed per hour and key, kept current as steps are stored, so a usage answer reads
 * the sums and never the steps. Hours are whole UTC hours; {@code zone} decides which day an hour's
 * start falls in.
 */
public interface UsageRollups {
    /** Groups with at least one step, ordered by their keys. */
    List<Row> groups(Selection selection);

    /**
     * {@code from}/{@code to} are whole hours; {@code filters} maps a dimension to the values a step
     * may have (an empty string for a step with none).
     */
    record Selection(
            Optional<ClientId> client,
            ZoneId zone,
            Instant from,
            Instant to,
            List<UsageDimension> groupBy,
            Map<UsageDimension, List<String>> filters) {
        public Selection {
            groupBy = List.copyOf(groupBy);
            filters = Map.copyOf(filters);
        }
    }

    /** Keys as {@link io.columnline.application.tracking.port.in.UsageUseCase.Group} describes them. */
    record Row(
            List<Object> keys,
            long runs,
            long steps,
            long failedSteps,
            long tokensInput,
            long tokensOutput,
            BigDecimal costUsd,
            long stepsWithoutCost,
            LatencySketch latency) {
        public Row {
            keys = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(keys));
        }
    }
}
