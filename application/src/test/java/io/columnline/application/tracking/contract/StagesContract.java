package io.columnline.application.tracking.contract;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.shared.Fixtures;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.application.tracking.port.out.Stages;
import io.columnline.domain.client.Client;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.Stage;
import io.columnline.domain.run.StageStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link Stages} adapter must do; run against the in-memory and the Postgres one. */
public abstract class StagesContract {
    protected abstract Stages stages();

    protected abstract Runs runs();

    protected abstract Clients clients();

    private Run run() {
        Client client =
                Fixtures.client("acme-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        clients().save(client);
        Run run = RunFixtures.run(client);
        runs().insert(run);
        return run;
    }

    @Test
    void a_stage_is_stored_with_every_field_and_saving_again_overwrites_it() {
        Run run = run();
        Stage started = Stage.start(run, "research", NOW);
        stages().save(started);
        assertThat(stages().lock(run, "research")).contains(started);

        var outcome = new Stage.Outcome(
                StageStatus.FAILURE,
                Optional.of("rate limited"),
                Optional.of(new JsonDocument("{\"topics\":[1,2]}")),
                Optional.of(new JsonDocument("[\"a\"]")),
                Optional.of(new JsonDocument("{\"cache_hit\":false,\"latency_ms\":12}")));
        Stage failed = started.complete(outcome, NOW.plusSeconds(5));
        stages().save(failed);
        assertThat(stages().lock(run, "research")).contains(failed);

        Stage again = failed.startAgain(NOW.plusSeconds(10));
        stages().save(again);
        assertThat(stages().lock(run, "research")).contains(again);
        assertThat(again.attempts()).isEqualTo(2);
    }

    @Test
    void a_run_lists_only_its_own_stages_in_start_order() {
        Run run = run();
        Run other = run();
        stages().save(Stage.start(run, "writers", NOW.plusSeconds(20)));
        stages().save(Stage.start(run, "research", NOW));
        stages().save(Stage.start(run, "claims", NOW.plusSeconds(10)));
        stages().save(Stage.start(other, "research", NOW));

        assertThat(stages().ofRun(run)).extracting(Stage::name).containsExactly("research", "claims", "writers");
        assertThat(stages().lock(run, "merge")).isEmpty();
        assertThat(stages().ofRun(other)).hasSize(1);
    }
}
