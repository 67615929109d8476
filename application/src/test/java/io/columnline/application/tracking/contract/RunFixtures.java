package io.columnline.application.tracking.contract;

import static io.columnline.application.shared.Fixtures.NOW;

import io.columnline.domain.client.Client;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.run.CostSource;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.Seed;
import io.columnline.domain.run.Step;
import io.columnline.domain.run.StepEntry;
import io.columnline.domain.run.StepStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** Runs and steps for contract and service tests. */
public final class RunFixtures {
    private RunFixtures() {}

    public static Seed seed(String company) {
        String domain = company.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + ".com";
        return new Seed(
                company,
                domain,
                Optional.empty(),
                new JsonDocument("{\"company_name\":\"" + company + "\",\"domain\":\"" + domain + "\"}"));
    }

    public static Run run(Client client) {
        return run(client, NOW);
    }

    public static Run run(Client client, Instant startedAt) {
        return Run.start(RunId.random(), client.id(), seed("Acme"), Optional.empty(), Optional.empty(), startedAt);
    }

    /** A successful step with tokens, a given cost and a small output. */
    public static StepEntry entry(String stepKey, int attempt, String stage) {
        return draft(stepKey, attempt, stage).entry();
    }

    public static StepEntry.Draft draft(String stepKey, int attempt, String stage) {
        return new StepEntry.Draft(
                stepKey,
                attempt,
                stage,
                null,
                "research.prompt",
                3,
                "gpt-4o",
                new JsonDocument("{\"company\":\"Acme\"}"),
                new JsonDocument("{\"claims\":[\"a\",\"b\"]}"),
                1200L,
                300L,
                null,
                950L,
                "success",
                null);
    }

    public static Step step(Run run, StepEntry entry, Instant loggedAt) {
        return new Step(
                run.id(), run.client(), entry, Optional.of(new BigDecimal("0.006")), CostSource.PRICED, loggedAt);
    }

    public static Step step(Run run, String stepKey, int attempt, String stage, Instant loggedAt) {
        return step(run, entry(stepKey, attempt, stage), loggedAt);
    }

    public static StepEntry failed(String stepKey, int attempt, String stage) {
        StepEntry ok = entry(stepKey, attempt, stage);
        return new StepEntry(
                ok.stepKey(),
                ok.attempt(),
                ok.stage(),
                ok.section(),
                ok.promptKey(),
                ok.promptVersion(),
                ok.model(),
                ok.input(),
                Optional.empty(),
                ok.tokensInput(),
                Optional.of(0L),
                ok.costUsd(),
                ok.latencyMs(),
                StepStatus.FAILURE,
                Optional.of("timeout after 30s"));
    }
}
