package io.columnline.adapters.postgres.tracking;

import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.tracking.port.out.UsageRollups;
import io.columnline.domain.usage.LatencySketch;
import io.columnline.domain.usage.UsageDimension;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reads the rollups that the triggers of migrations V50/V51 keep current, daily ones where they
 * answer and hourly ones otherwise: one index range per client and days or hours, summed per group. Latency buckets are summed position by position so the
 * sketch merges in the database.
 */
final class JdbiUsageRollups implements UsageRollups {
    private static final String LATENCY_SUMS = IntStream.rangeClosed(1, LatencySketch.BUCKETS)
            .mapToObj(i -> "sum(u.latency[" + i + "])")
            .collect(Collectors.joining(", ", "ARRAY[", "]::bigint[]"));

    private final JdbiSession session;

    @Inject
    JdbiUsageRollups(JdbiSession session) {
        this.session = session;
    }

    private static String expression(UsageDimension dimension, boolean daily) {
        return switch (dimension) {
            case DAY -> daily ? "u.day" : "(u.hour AT TIME ZONE CAST(:zone AS text))::date";
            case HOUR -> "u.hour";
            case CLIENT -> "c.slug COLLATE \"C\"";
            case MODEL -> "nullif(u.model, '')";
            case STAGE -> "u.stage";
            case STEP_KEY -> "u.step_key";
            case PROMPT_KEY -> "nullif(u.prompt_key, '')";
            case PROMPT_VERSION -> "nullif(u.prompt_version, 0)";
            case SECTION -> "nullif(u.section, '')";
            case PIPELINE_VERSION -> "u.pipeline_version";
            case STATUS -> "u.status";
        };
    }

    private static String column(UsageDimension dimension) {
        return "u." + dimension.wireName();
    }

    /**
     * The daily rows answer when one client is asked for in its zone over whole local days and
     * nothing is grouped by hour: a few hundred rows a month instead of tens of thousands.
     */
    private static boolean daily(Selection selection) {
        return selection.client().isPresent()
                && !selection.groupBy().contains(UsageDimension.HOUR)
                && midnight(selection.from(), selection.zone())
                && midnight(selection.to(), selection.zone());
    }

    private static boolean midnight(java.time.Instant instant, java.time.ZoneId zone) {
        return instant.atZone(zone).toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
    }

    @Override
    public List<Row> groups(Selection selection) {
        List<UsageDimension> groupBy = selection.groupBy();
        boolean daily = daily(selection);
        var sql = new StringBuilder("SELECT ");
        for (int i = 0; i < groupBy.size(); i++) {
            sql.append(expression(groupBy.get(i), daily))
                    .append(" AS k")
                    .append(i)
                    .append(", ");
        }
        sql.append("""
                sum(u.runs) AS runs, sum(u.steps) AS steps, sum(u.failed_steps) AS failed_steps,
                sum(u.tokens_input) AS tokens_input, sum(u.tokens_output) AS tokens_output,
                sum(u.cost_usd) AS cost_usd, sum(u.steps_without_cost) AS steps_without_cost,
                """)
                .append(LATENCY_SUMS)
                .append(" AS latency FROM ")
                .append(daily ? "usage_daily u" : "usage_hourly u");
        if (groupBy.contains(UsageDimension.CLIENT)) {
            sql.append(" JOIN clients c ON c.id = u.client_id");
        }
        sql.append(
                daily
                        ? " WHERE u.day >= CAST(:from AS date) AND u.day < CAST(:to AS date)"
                        : " WHERE u.hour >= CAST(:from AS timestamptz) AND u.hour < CAST(:to AS timestamptz)");
        if (selection.client().isPresent()) {
            sql.append(" AND u.client_id = CAST(:client AS uuid)");
        }
        for (UsageDimension filtered : selection.filters().keySet()) {
            sql.append(" AND ")
                    .append(column(filtered))
                    .append(" = ANY(CAST(:f_")
                    .append(filtered.wireName())
                    .append(filtered == UsageDimension.PROMPT_VERSION ? " AS integer[]))" : " AS text[]))");
        }
        // positions, since an output name cannot appear in an expression; the text keys sort byte by byte
        String positions = IntStream.rangeClosed(1, groupBy.size())
                .mapToObj(Integer::toString)
                .collect(Collectors.joining(", "));
        sql.append(" GROUP BY ").append(positions).append(" HAVING sum(u.steps) > 0 ORDER BY ");
        sql.append(IntStream.rangeClosed(1, groupBy.size())
                .mapToObj(i -> i + " NULLS LAST")
                .collect(Collectors.joining(", ")));
        return session.withHandle(h -> {
            var query = h.createQuery(sql.toString());
            if (daily) {
                query.bind("from", selection.from().atZone(selection.zone()).toLocalDate())
                        .bind("to", selection.to().atZone(selection.zone()).toLocalDate());
            } else {
                query.bind("from", Rows.offset(selection.from())).bind("to", Rows.offset(selection.to()));
            }
            if (sql.indexOf(":zone") >= 0) {
                query.bind("zone", selection.zone().getId());
            }
            selection.client().ifPresent(c -> query.bind("client", c.value()));
            for (Map.Entry<UsageDimension, List<String>> f : selection.filters().entrySet()) {
                if (f.getKey() == UsageDimension.PROMPT_VERSION) {
                    query.bindArray(
                            "f_" + f.getKey().wireName(),
                            Integer.class,
                            f.getValue().stream().map(Integer::valueOf).toList());
                } else {
                    query.bindArray("f_" + f.getKey().wireName(), String.class, f.getValue());
                }
            }
            return query.map((rs, ctx) -> row(rs, groupBy)).list();
        });
    }

    private static Row row(ResultSet rs, List<UsageDimension> groupBy) throws SQLException {
        List<Object> keys = new ArrayList<>(groupBy.size());
        for (int i = 0; i < groupBy.size(); i++) {
            String label = "k" + i;
            keys.add(
                    switch (groupBy.get(i)) {
                        case DAY -> rs.getObject(label, LocalDate.class);
                        case HOUR -> rs.getObject(label, OffsetDateTime.class).toInstant();
                        case PROMPT_VERSION -> (Integer) rs.getObject(label);
                        default -> rs.getString(label);
                    });
        }
        Array latency = rs.getArray("latency");
        Long[] sums = (Long[]) latency.getArray();
        long[] counts = new long[LatencySketch.BUCKETS];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = sums[i] == null ? 0 : sums[i];
        }
        return new Row(
                keys,
                rs.getLong("runs"),
                rs.getLong("steps"),
                rs.getLong("failed_steps"),
                rs.getLong("tokens_input"),
                rs.getLong("tokens_output"),
                Rows.amount(rs.getBigDecimal("cost_usd")),
                rs.getLong("steps_without_cost"),
                new LatencySketch(counts));
    }
}
