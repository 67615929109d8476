package io.columnline.application.tracking.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.shared.Fixtures;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.application.tracking.port.out.StepLog;
import io.columnline.application.tracking.port.out.UsageRollups;
import io.columnline.application.tracking.port.out.UsageRollups.Row;
import io.columnline.application.tracking.port.out.UsageRollups.Selection;
import io.columnline.domain.client.Client;
import io.columnline.domain.run.CostSource;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.Step;
import io.columnline.domain.run.StepEntry;
import io.columnline.domain.usage.LatencySketch;
import io.columnline.domain.usage.UsageDimension;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link UsageRollups} adapter must do; run against the in-memory and the Postgres one. */
public abstract class UsageRollupsContract {
    protected abstract UsageRollups rollups();

    protected abstract Runs runs();

    protected abstract StepLog steps();

    protected abstract Clients clients();

    private static final Instant T0 = Instant.parse("2026-11-02T03:20:00Z");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Step step(Run run, String key, String model, long latency, String status, Instant at, String cost) {
        var draft = RunFixtures.draft(key, 1, "research");
        var entry = new StepEntry.Draft(
                        draft.stepKey(),
                        draft.attempt(),
                        draft.stage(),
                        draft.section(),
                        draft.promptKey(),
                        draft.promptVersion(),
                        model,
                        draft.input(),
                        draft.output(),
                        draft.tokensInput(),
                        draft.tokensOutput(),
                        null,
                        latency,
                        status,
                        status.equals("failure") ? "boom" : null)
                .entry();
        return new Step(
                run.id(),
                run.client(),
                entry,
                Optional.ofNullable(cost).map(BigDecimal::new),
                cost == null ? CostSource.UNKNOWN_MODEL : CostSource.PRICED,
                at);
    }

    private Selection select(
            Client client, ZoneId zone, List<UsageDimension> groupBy, Map<UsageDimension, List<String>> filters) {
        return new Selection(
                Optional.of(client.id()),
                zone,
                Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-05T00:00:00Z"),
                groupBy,
                filters);
    }

    @Test
    void steps_are_summed_per_group_with_days_in_the_zone_asked_for() {
        Client client = Fixtures.client("uc-" + UUID.randomUUID().toString().substring(0, 8));
        Client other = Fixtures.client("uc-" + UUID.randomUUID().toString().substring(0, 8));
        clients().save(client);
        clients().save(other);
        Run first =
                Run.start(RunId.random(), client.id(), RunFixtures.seed("A"), Optional.of("v2"), Optional.empty(), T0);
        Run second =
                Run.start(RunId.random(), client.id(), RunFixtures.seed("B"), Optional.of("v3"), Optional.empty(), T0);
        Run elsewhere =
                Run.start(RunId.random(), other.id(), RunFixtures.seed("C"), Optional.empty(), Optional.empty(), T0);
        runs().insert(first);
        runs().insert(second);
        runs().insert(elsewhere);
        // 03:20Z is Nov 1 in New York, 05:20Z is Nov 2 there (UTC-5 after the clocks changed on Nov 1)
        steps().append(List.of(
                step(first, "a", "gpt-4o", 1000, "success", T0, "0.01"),
                step(first, "b", "gpt-4o", 2000, "failure", T0.plusSeconds(60), "0.02")));
        steps().append(List.of(step(first, "c", "claude-sonnet-4", 500, "success", T0.plusSeconds(7200), null)));
        steps().append(List.of(step(second, "a", "gpt-4o", 4000, "success", T0.plusSeconds(7300), "0.04")));
        steps().append(List.of(step(elsewhere, "a", "gpt-4o", 1000, "success", T0, "9")));

        List<Row> byDay =
                rollups().groups(select(client, NEW_YORK, List.of(UsageDimension.DAY, UsageDimension.MODEL), Map.of()));
        assertThat(byDay)
                .extracting(Row::keys)
                .containsExactly(
                        List.of(LocalDate.parse("2026-11-01"), "gpt-4o"),
                        List.of(LocalDate.parse("2026-11-02"), "claude-sonnet-4"),
                        List.of(LocalDate.parse("2026-11-02"), "gpt-4o"));
        Row firstDay = byDay.get(0);
        assertThat(firstDay.runs()).isEqualTo(1);
        assertThat(firstDay.steps()).isEqualTo(2);
        assertThat(firstDay.failedSteps()).isEqualTo(1);
        assertThat(firstDay.tokensInput()).isEqualTo(2400);
        assertThat(firstDay.tokensOutput()).isEqualTo(600);
        assertThat(firstDay.costUsd()).isEqualByComparingTo("0.03");
        assertThat(firstDay.stepsWithoutCost()).isZero();
        assertThat(firstDay.latency())
                .isEqualTo(LatencySketch.empty().with(1000).with(2000));
        Row claude = byDay.get(1);
        assertThat(claude.runs()).isZero();
        assertThat(claude.stepsWithoutCost()).isEqualTo(1);
        assertThat(claude.costUsd()).isEqualByComparingTo("0");
        assertThat(byDay.get(2).runs()).isEqualTo(1);

        List<Row> inUtc = rollups().groups(select(client, ZoneId.of("UTC"), List.of(UsageDimension.DAY), Map.of()));
        assertThat(inUtc).singleElement().satisfies(r -> {
            assertThat(r.keys()).containsExactly(LocalDate.parse("2026-11-02"));
            assertThat(r.steps()).isEqualTo(4);
            assertThat(r.runs()).isEqualTo(2);
        });

        List<Row> filtered = rollups()
                .groups(select(
                        client,
                        NEW_YORK,
                        List.of(UsageDimension.PIPELINE_VERSION, UsageDimension.STATUS),
                        Map.of(UsageDimension.MODEL, List.of("gpt-4o"), UsageDimension.PROMPT_VERSION, List.of("3"))));
        assertThat(filtered)
                .extracting(Row::keys)
                .containsExactly(List.of("v2", "failure"), List.of("v2", "success"), List.of("v3", "success"));

        List<Row> byHour = rollups()
                .groups(new Selection(
                        Optional.empty(),
                        ZoneId.of("UTC"),
                        Instant.parse("2026-11-02T03:00:00Z"),
                        Instant.parse("2026-11-02T04:00:00Z"),
                        List.of(UsageDimension.CLIENT, UsageDimension.HOUR),
                        Map.of()));
        assertThat(byHour)
                .extracting(Row::keys)
                .contains(
                        List.of(client.slug().value(), Instant.parse("2026-11-02T03:00:00Z")),
                        List.of(other.slug().value(), Instant.parse("2026-11-02T03:00:00Z")));
    }
}
