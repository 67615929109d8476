package io.columnline.domain.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.domain.client.ClientId;
import io.columnline.domain.error.Conflict;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.json.JsonDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunTest {
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final Seed SEED =
            new Seed("Acme", "acme.com", Optional.empty(), new JsonDocument("{\"domain\":\"acme.com\"}"));

    static Run running() {
        return Run.start(RunId.random(), ClientId.random(), SEED, Optional.empty(), Optional.empty(), NOW);
    }

    @Test
    void a_new_run_is_running_on_pipeline_v2_by_default() {
        Run run = running();
        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.pipelineVersion()).isEqualTo("v2");
        assertThat(run.finishedAt()).isEmpty();
    }

    @Test
    void completing_sets_the_finish_time_and_completing_again_changes_nothing() {
        Run completed = running().complete(NOW.plusSeconds(60));
        assertThat(completed.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(completed.finishedAt()).contains(NOW.plusSeconds(60));
        assertThat(completed.duration(NOW.plusSeconds(999))).isEqualTo(Duration.ofSeconds(60));
        assertThat(completed.complete(NOW.plusSeconds(120))).isEqualTo(completed);
    }

    @Test
    void a_failed_run_cannot_be_completed_and_a_completed_one_cannot_fail() {
        Run failed = running().fail("writer crashed", NOW.plusSeconds(5));
        assertThat(failed.error()).contains("writer crashed");
        assertThat(failed.fail("another reason", NOW.plusSeconds(9))).isEqualTo(failed);
        assertThatThrownBy(() -> failed.complete(NOW))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("already failed");
        assertThatThrownBy(() -> running().complete(NOW).fail("x", NOW)).isInstanceOf(Conflict.class);
    }

    @Test
    void failing_needs_a_reason() {
        assertThatThrownBy(() -> running().fail(" ", NOW))
                .isInstanceOf(Invalid.class)
                .hasMessageContaining("error");
    }

    @Test
    void only_a_running_run_takes_stages_and_steps() {
        running().requireRunning("logging a step");
        assertThatThrownBy(() -> running().complete(NOW).requireRunning("logging a step"))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("already completed; logging a step is only possible while it is running");
    }

    @Test
    void a_running_run_lasts_until_now() {
        assertThat(running().duration(NOW.plusSeconds(7))).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void a_repeated_start_matches_only_the_same_seed_and_version() {
        Run run = running();
        assertThat(run.startedWith(SEED, Optional.empty())).isTrue();
        assertThat(run.startedWith(SEED, Optional.of("v2"))).isTrue();
        assertThat(run.startedWith(SEED, Optional.of("v3"))).isFalse();
        var other = new Seed("Beta", "beta.com", Optional.empty(), new JsonDocument("{}"));
        assertThat(run.startedWith(other, Optional.empty())).isFalse();
    }

    @Test
    void bad_versions_external_ids_and_seeds_are_refused_naming_the_field() {
        assertThatThrownBy(() ->
                        Run.start(RunId.random(), ClientId.random(), SEED, Optional.of("v 2"), Optional.empty(), NOW))
                .isInstanceOf(Invalid.class)
                .hasMessageStartingWith("pipeline_version");
        assertThatThrownBy(() ->
                        Run.start(RunId.random(), ClientId.random(), SEED, Optional.empty(), Optional.of(" "), NOW))
                .isInstanceOf(Invalid.class)
                .hasMessageStartingWith("external_id");
        assertThatThrownBy(() -> Run.start(
                        RunId.random(),
                        ClientId.random(),
                        SEED,
                        Optional.empty(),
                        Optional.of("0b8f9a1e-6b0e-4a52-9c65-0d3f1f7c2a11"),
                        NOW))
                .isInstanceOf(Invalid.class)
                .hasMessageContaining("UUID");
        assertThatThrownBy(() -> new Seed(" ", "", Optional.empty(), JsonDocument.EMPTY_OBJECT))
                .isInstanceOfSatisfying(
                        Invalid.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field())
                                .containsExactly("seed.company_name", "seed.domain"));
    }

    @Test
    void a_discovery_run_starts_without_a_company_and_cannot_publish_until_one_is_named() {
        Run run = Run.start(RunId.random(), ClientId.random(), Seed.NONE, Optional.empty(), Optional.empty(), NOW);
        assertThat(run.seed().hasCompany()).isFalse();
        assertThatThrownBy(() -> run.seed().requireCompany(run.id(), "publishing it"))
                .isInstanceOf(Invalid.class)
                .hasMessageContaining("no company identity");
        Run named = run.withSeed(SEED);
        assertThat(named.seed().hasCompany()).isTrue();
        assertThat(named.id()).isEqualTo(run.id());
    }
}
