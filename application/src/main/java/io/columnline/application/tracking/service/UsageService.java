package io.columnline.application.tracking.service;

import io.columnline.application.shared.Transactions;
import io.columnline.application.tenancy.port.in.ClientAccess;
import io.columnline.application.tracking.port.in.UsageUseCase;
import io.columnline.application.tracking.port.out.UsageRollups;
import io.columnline.application.tracking.port.out.UsageRollups.Row;
import io.columnline.application.tracking.port.out.UsageRollups.Selection;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.Violation;
import io.columnline.domain.usage.UsageDimension;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class UsageService implements UsageUseCase {
    static final int MOST_GROUP_BYS = 3;
    static final int MOST_DAYS = 400;
    static final int DEFAULT_DAYS = 30;
    private static final ZoneId UTC = ZoneId.of("UTC");

    private final UsageRollups rollups;
    private final ClientAccess clients;
    private final Transactions transactions;
    private final Clock clock;

    @Inject
    public UsageService(UsageRollups rollups, ClientAccess clients, Transactions transactions, Clock clock) {
        this.rollups = rollups;
        this.clients = clients;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Answer usage(Caller caller, Query query) {
        List<UsageDimension> groupBy = groupBy(query.groupBy());
        Map<UsageDimension, List<String>> filters = filters(query.filters());
        return transactions.inTransaction(() -> {
            Optional<Client> client = clients.named(caller, query.client());
            ZoneId zone = client.map(Client::timezone).orElse(UTC);
            Instant to = query.to()
                    .map(value -> time("to", value, zone))
                    .orElseGet(() -> LocalDate.now(clock.withZone(zone))
                            .plusDays(1)
                            .atStartOfDay(zone)
                            .toInstant());
            Instant from = query.from()
                    .map(value -> time("from", value, zone))
                    .orElseGet(() -> to.minus(Duration.ofDays(DEFAULT_DAYS)));
            if (!from.isBefore(to)) {
                throw new Invalid("from", "must be before to");
            }
            if (Duration.between(from, to).compareTo(Duration.ofDays(MOST_DAYS)) > 0) {
                throw new Invalid("to", "the range may span at most " + MOST_DAYS + " days");
            }
            Instant fromHour = wholeHour(from);
            Instant toHour = wholeHour(to);
            List<Row> rows =
                    rollups.groups(new Selection(client.map(Client::id), zone, fromHour, toHour, groupBy, filters));
            return new Answer(
                    zone,
                    fromHour,
                    toHour,
                    groupBy,
                    rows.stream().map(UsageService::group).toList());
        });
    }

    private static Group group(Row row) {
        return new Group(
                row.keys(),
                row.runs(),
                row.steps(),
                row.failedSteps(),
                row.tokensInput(),
                row.tokensOutput(),
                row.costUsd(),
                row.stepsWithoutCost(),
                row.latency().percentile(0.50),
                row.latency().percentile(0.95));
    }

    private static List<UsageDimension> groupBy(List<String> names) {
        if (names.isEmpty()) {
            return List.of(UsageDimension.DAY);
        }
        List<Violation> problems = new ArrayList<>();
        var dimensions = new LinkedHashSet<UsageDimension>();
        for (String name : names) {
            Optional<UsageDimension> dimension = UsageDimension.named(name.strip());
            if (dimension.isEmpty()) {
                problems.add(new Violation(
                        "group_by", "unknown group_by '" + name + "'; allowed: " + UsageDimension.allowed()));
            } else if (!dimensions.add(dimension.get())) {
                problems.add(new Violation("group_by", "'" + name + "' is named twice"));
            }
        }
        if (names.size() > MOST_GROUP_BYS) {
            problems.add(new Violation("group_by", "at most " + MOST_GROUP_BYS + " group-bys, got " + names.size()));
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        return List.copyOf(dimensions);
    }

    private static Map<UsageDimension, List<String>> filters(Map<String, String> given) {
        List<Violation> problems = new ArrayList<>();
        Map<UsageDimension, List<String>> filters = new EnumMap<>(UsageDimension.class);
        given.forEach((name, values) -> {
            Optional<UsageDimension> dimension = UsageDimension.named(name);
            if (dimension.isEmpty() || !dimension.get().filterable()) {
                problems.add(new Violation(
                        "filter[" + name + "]",
                        "unknown filter; allowed: " + UsageDimension.allowedFilters()
                                + " (use client, from and to for the rest)"));
                return;
            }
            List<String> list =
                    Arrays.stream(values.split(",", -1)).map(String::strip).toList();
            if (dimension.get() == UsageDimension.PROMPT_VERSION) {
                for (String v : list) {
                    if (!v.matches("[1-9][0-9]{0,8}")) {
                        problems.add(new Violation("filter[prompt_version]", "must be versions such as 3 or 2,3"));
                        return;
                    }
                }
            }
            filters.put(dimension.get(), list);
        });
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        return filters;
    }

    /** A date is its start in the zone; a time must carry Z or an offset. */
    private static Instant time(String field, String value, ZoneId zone) {
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(zone).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new Invalid(field, "must be a date such as 2026-11-01 or a time such as 2026-11-01T00:00:00Z");
        }
    }

    /** The first whole hour at or after the instant: an hour counts where its start falls. */
    private static Instant wholeHour(Instant instant) {
        Instant down = instant.truncatedTo(ChronoUnit.HOURS);
        return down.equals(instant) ? down : down.plus(Duration.ofHours(1));
    }
}
