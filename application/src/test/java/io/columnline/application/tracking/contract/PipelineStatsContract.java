package io.columnline.application.tracking.contract;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.shared.Fixtures;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.port.out.PipelineStats;
import io.columnline.application.tracking.port.out.PipelineStats.VersionCounts;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.application.tracking.port.out.StepLog;
import io.columnline.domain.client.Client;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link PipelineStats} adapter must do; run against the in-memory and the Postgres one. */
public abstract class PipelineStatsContract {
    protected abstract PipelineStats stats();

    protected abstract Runs runs();

    protected abstract StepLog steps();

    protected abstract Clients clients();

    private Run run(Client client, String version, java.time.Instant at) {
        Run run = Run.start(
                RunId.random(), client.id(), RunFixtures.seed("Acme"), Optional.of(version), Optional.empty(), at);
        runs().insert(run);
        return run;
    }

    @Test
    void runs_are_counted_per_version_with_their_steps_cost_and_durations() {
        Client client =
                Fixtures.client("sc-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        Client other =
                Fixtures.client("sc-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        clients().save(client);
        clients().save(other);
        Run running = run(client, "v2", NOW);
        Run completed = run(client, "v2", NOW);
        // an append takes the steps of one run, and only while it runs
        steps().append(List.of(RunFixtures.step(running, "a", 1, "research", NOW)));
        steps().append(List.of(
                RunFixtures.step(completed, "a", 1, "research", NOW),
                RunFixtures.step(completed, "b", 1, "research", NOW)));
        runs().update(completed.complete(NOW.plus(Duration.ofSeconds(30))));
        Run failed = run(client, "v2", NOW);
        runs().update(failed.fail("boom", NOW.plus(Duration.ofSeconds(10))));
        Run published = run(client, "v1", NOW);
        runs().update(published.publish(NOW.plus(Duration.ofSeconds(90))));
        run(client, "v2", NOW.minus(Duration.ofDays(2)));
        run(other, "v2", NOW);

        List<VersionCounts> counts = stats().byVersion(
                        Optional.of(client.id()),
                        Optional.of(NOW.minus(Duration.ofDays(1))),
                        Optional.of(NOW.plusSeconds(1)));
        assertThat(counts)
                .containsExactly(
                        new VersionCounts("v1", 1, 0, 0, 0, 1, BigDecimal.ZERO, 1, 90_000),
                        new VersionCounts("v2", 3, 1, 1, 1, 0, new BigDecimal("0.018"), 2, 40_000));
        assertThat(stats().byVersion(Optional.empty(), Optional.empty(), Optional.empty()))
                .filteredOn(c -> c.pipelineVersion().equals("v2"))
                .singleElement()
                .extracting(VersionCounts::started)
                .isEqualTo(5L);
        assertThat(stats().byVersion(Optional.of(client.id()), Optional.of(NOW.plusSeconds(1)), Optional.empty()))
                .isEmpty();
    }
}
