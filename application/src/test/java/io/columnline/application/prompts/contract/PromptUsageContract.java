package io.columnline.application.prompts.contract;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.prompts.port.out.PromptUsage;
import io.columnline.application.prompts.port.out.PromptUsage.Usage;
import io.columnline.application.shared.Fixtures;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.contract.RunFixtures;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.application.tracking.port.out.StepLog;
import io.columnline.domain.client.Client;
import io.columnline.domain.prompt.PromptKey;
import io.columnline.domain.run.CostSource;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.Step;
import io.columnline.domain.run.StepEntry;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link PromptUsage} adapter must do; run against the in-memory and the Postgres one. */
public abstract class PromptUsageContract {
    protected abstract PromptUsage usage();

    protected abstract StepLog steps();

    protected abstract Runs runs();

    protected abstract Clients clients();

    private static Step step(Run run, String key, String prompt, Integer version, BigDecimal cost) {
        StepEntry.Draft d = RunFixtures.draft(key, 1, "writers");
        StepEntry entry = new StepEntry.Draft(
                        d.stepKey(),
                        d.attempt(),
                        d.stage(),
                        null,
                        prompt,
                        version,
                        d.model(),
                        d.input(),
                        d.output(),
                        d.tokensInput(),
                        d.tokensOutput(),
                        null,
                        d.latencyMs(),
                        "success",
                        null)
                .entry();
        return new Step(
                run.id(),
                run.client(),
                entry,
                Optional.ofNullable(cost),
                cost == null ? CostSource.UNKNOWN_MODEL : CostSource.PRICED,
                NOW);
    }

    @Test
    void steps_and_their_cost_are_added_up_per_version_of_a_prompt() {
        Client client =
                Fixtures.client("pu-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        clients().save(client);
        Run run = RunFixtures.run(client);
        runs().insert(run);
        Run other = RunFixtures.run(client);
        runs().insert(other);
        // an append takes the steps of one run
        steps().append(List.of(
                step(run, "a", "writer.overview", 1, new BigDecimal("0.0125")),
                step(run, "b", "writer.overview", 1, new BigDecimal("0.0100")),
                step(run, "c", "writer.overview", 2, new BigDecimal("0.5")),
                step(run, "d", "writer.overview", null, new BigDecimal("7")),
                step(run, "e", "writer.signals", 1, new BigDecimal("1"))));
        steps().append(List.of(step(other, "a", "writer.overview", 1, null)));

        assertThat(usage().byVersion(new PromptKey("writer.overview")))
                .isEqualTo(Map.of(
                        1, new Usage(3, new BigDecimal("0.0225")),
                        2, new Usage(1, new BigDecimal("0.5"))));
        assertThat(usage().byVersion(new PromptKey("never.used"))).isEmpty();
    }
}
