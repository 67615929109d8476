package io.columnline.application.publishing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.application.publishing.contract.DossierFixtures;
import io.columnline.application.publishing.port.in.DossierDetails;
import io.columnline.application.publishing.port.in.ListedDossier;
import io.columnline.application.publishing.port.in.ReadDossiersUseCase;
import io.columnline.application.shared.JsonSchemaValidator.SchemaProblem;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.batch.Batch;
import io.columnline.domain.batch.BatchCounts;
import io.columnline.domain.batch.BatchStatus;
import io.columnline.domain.dossier.Dossier;
import io.columnline.domain.dossier.DossierList;
import io.columnline.domain.dossier.DossierStatus;
import io.columnline.domain.dossier.PublishOptions;
import io.columnline.domain.error.Conflict;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.error.Violation;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PublishServiceTest {
    private final PublishWorld w = new PublishWorld();

    private DossierDetails publish(Run run) {
        return publish(run, PublishOptions.DEFAULT);
    }

    private DossierDetails publish(Run run, PublishOptions options) {
        return w.publishService.publish(w.acmeKey, run.id(), options).dossier();
    }

    private static PublishOptions options(String releaseDate, List<String> lists, String supersede, String target) {
        return PublishOptions.of(releaseDate, lists, supersede, target);
    }

    @Test
    void a_running_run_with_every_required_section_is_published_whole() {
        Run run = w.written("Acme Corp", "https://www.Acme.com/about");
        var published = w.publishService.publish(w.acmeKey, run.id(), PublishOptions.DEFAULT);

        assertThat(published.created()).isTrue();
        Dossier d = published.dossier().dossier();
        assertThat(d.status()).isEqualTo(DossierStatus.RELEASED);
        assertThat(d.releasedAt()).contains(w.clock.instant());
        assertThat(d.company().domain()).isEqualTo("acme.com");
        assertThat(d.pipelineVersion()).isEqualTo("v2");
        assertThat(published.dossier().sections())
                .extracting(s -> s.key().value())
                .containsExactly("overview", "signals");
        assertThat(published.dossier().sections().get(0).content().text()).isEqualTo("{\"headline\":\"Acme Corp\"}");
        assertThat(published.dossier().lists()).extracting(DossierList::name).containsExactly("Inbox");
        assertThat(published.dossier().batch().name()).isEqualTo("V2_20261122");
        assertThat(w.runs.byId(run.id()).orElseThrow().status()).isEqualTo(RunStatus.PUBLISHED);
        assertThat(w.dossierService.get(w.acmeKey, d.id())).isEqualTo(published.dossier());
    }

    @Test
    void the_latest_successful_step_of_a_section_is_published() {
        Run run = w.written("Acme", "acme.com");
        w.clock.advance(Duration.ofSeconds(1));
        w.stepService.log(
                w.acmeKey,
                run.id(),
                new io.columnline.domain.run.StepEntry.Draft(
                        "writer.overview.fix",
                        1,
                        "writers",
                        "overview",
                        null,
                        null,
                        null,
                        null,
                        new JsonDocument("{\"headline\":\"fixed\"}"),
                        null,
                        null,
                        null,
                        null,
                        "success",
                        null));
        assertThat(publish(run).sections().get(0).content().text()).isEqualTo("{\"headline\":\"fixed\"}");
    }

    @Test
    void every_missing_required_section_and_schema_problem_is_reported_and_nothing_is_written() {
        w.define("people", 3, true);
        Run run = w.written("Acme", "acme.com");
        JsonDocument signals = new JsonDocument("{\"items\":[]}");
        w.schemas.rejectInstance(
                PublishWorld.SCHEMA,
                signals,
                new SchemaProblem("/items", "must have at least 1 item"),
                new SchemaProblem("", "required property 'summary' not found"));

        assertThatThrownBy(() -> publish(run))
                .isInstanceOfSatisfying(
                        Invalid.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly("sections/signals/items", "sections/signals", "sections/people"));
        assertThat(w.dossiers.byRun(run.id())).isEmpty();
        assertThat(w.runs.byId(run.id()).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(w.batches
                        .counts(w.batches
                                .byName(w.acme.id(), "V2_20261122")
                                .orElseThrow()
                                .id())
                        .dossiersPublished())
                .isZero();
    }

    @Test
    void a_run_without_any_defined_section_has_nothing_to_publish() {
        Run run = w.run(w.acmeKey, DossierFixtures.seed("Acme", "acme.com"));
        w.definitions.save(io.columnline.domain.section.SectionDefinition.create(
                new io.columnline.domain.section.SectionKey("overview"),
                new io.columnline.domain.section.SectionDefinition.Content(
                        "Overview",
                        1,
                        new io.columnline.domain.prompt.PromptKey("writer.overview"),
                        false,
                        PublishWorld.SCHEMA),
                w.clock.instant()));
        assertThatThrownBy(() -> publish(run))
                .isInstanceOfSatisfying(
                        Invalid.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly("sections"));
    }

    @Test
    void publishing_twice_returns_the_same_dossier_and_other_options_are_a_conflict() {
        Run run = w.written("Acme", "acme.com");
        DossierDetails first = publish(run);
        w.clock.advance(Duration.ofMinutes(5));

        var again = w.publishService.publish(w.acmeKey, run.id(), PublishOptions.DEFAULT);
        assertThat(again.created()).isFalse();
        assertThat(again.dossier()).isEqualTo(first);
        assertThatThrownBy(() -> publish(run, options("2026-12-01", null, null, null)))
                .isInstanceOf(Conflict.class);
        assertThat(w.batches.counts(first.dossier().batch()).dossiersPublished())
                .isEqualTo(1);
    }

    @Test
    void a_failed_run_cannot_be_published_and_another_client_s_run_is_not_found() {
        Run run = w.written("Acme", "acme.com");
        w.runService.fail(w.acmeKey, run.id(), "writer crashed");
        assertThatThrownBy(() -> publish(run)).isInstanceOf(Conflict.class);
        Run ok = w.written("Beta", "beta.com");
        assertThatThrownBy(() -> w.publishService.publish(w.betaKey, ok.id(), PublishOptions.DEFAULT))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void a_newer_dossier_supersedes_the_company_s_live_one_and_none_leaves_it() {
        DossierDetails first = publish(w.written("Acme", "acme.com"));
        w.clock.advance(Duration.ofSeconds(1));
        DossierDetails second = publish(w.written("ACME Inc", "http://www.acme.com/en"));
        w.clock.advance(Duration.ofSeconds(1));
        DossierDetails parallel = publish(w.written("Acme", "acme.com"), options(null, null, "none", null));
        w.clock.advance(Duration.ofSeconds(1));
        DossierDetails other = publish(w.written("Other", "other.com"));

        Dossier old = w.dossiers.byId(first.dossier().id()).orElseThrow();
        assertThat(old.status()).isEqualTo(DossierStatus.SUPERSEDED);
        assertThat(old.supersededBy()).contains(second.dossier().id());
        assertThat(second.dossier().supersedes()).contains(old.id());
        assertThat(second.dossier().isUpdate()).isTrue();
        assertThat(parallel.dossier().supersedes()).isEmpty();
        assertThat(other.dossier().supersedes()).isEmpty();
        assertThat(w.dossierService.history(w.acmeKey, second.dossier().id()))
                .extracting(l -> l.dossier().id())
                .containsExactly(old.id(), second.dossier().id());
    }

    @Test
    void the_dossier_to_supersede_can_be_named_but_must_be_the_client_s_and_live() {
        DossierDetails first = publish(w.written("Acme", "acme.com"));
        DossierDetails unrelated = publish(w.written("Zeta", "zeta.com"));
        DossierDetails named = publish(
                w.written("Acme", "acme.com"),
                options(null, null, null, unrelated.dossier().id().toString()));
        assertThat(named.dossier().supersedes()).contains(unrelated.dossier().id());
        assertThat(w.dossiers.byId(first.dossier().id()).orElseThrow().isLive()).isTrue();

        assertThatThrownBy(() -> publish(
                        w.written("Acme", "acme.com"),
                        options(null, null, null, unrelated.dossier().id().toString())))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> publish(
                        w.written("Acme", "acme.com"),
                        options(null, null, null, UUID.randomUUID().toString())))
                .isInstanceOfSatisfying(
                        Invalid.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly("supersedes_dossier_id"));
    }

    @Test
    void a_rerun_remembers_its_dossier_and_its_publish_supersedes_it() {
        DossierDetails first = publish(w.written("Acme", "acme.com"));
        var rerun = w.rerunService.rerun(w.acmeKey, first.dossier().id(), Optional.of("writers"));
        Run again = rerun.run().run();
        assertThat(again.seed())
                .isEqualTo(w.runs.byId(first.dossier().run()).orElseThrow().seed());
        assertThat(rerun.rerun().of()).isEqualTo(first.dossier().id());
        assertThat(rerun.webhook()).isEmpty();
        w.write(again, "overview", "{\"headline\":\"again\"}");

        DossierDetails second = publish(again);
        assertThat(second.dossier().supersedes()).contains(first.dossier().id());
    }

    @Test
    void a_rerun_of_a_client_with_a_webhook_records_the_delivery_with_the_run() {
        w.clients.save(
                io.columnline.application.shared.Fixtures.clientWithWebhook("hooked", "https://hooks.example/rerun"));
        var hooked = w.clients
                .bySlug(new io.columnline.domain.client.ClientSlug("hooked"))
                .orElseThrow();
        var key = new io.columnline.domain.access.Caller.OfClient(
                io.columnline.domain.access.ApiKeyId.random(), hooked.id());
        Run run = w.run(key, DossierFixtures.seed("Acme", "acme.com"));
        w.stepService.log(
                key,
                run.id(),
                new io.columnline.domain.run.StepEntry.Draft(
                        "writer.overview",
                        1,
                        "writers",
                        "overview",
                        null,
                        null,
                        null,
                        null,
                        new JsonDocument("{}"),
                        null,
                        null,
                        null,
                        null,
                        "success",
                        null));
        Dossier dossier = w.publishService
                .publish(key, run.id(), PublishOptions.DEFAULT)
                .dossier()
                .dossier();

        var rerun = w.rerunService.rerun(key, dossier.id(), Optional.empty());
        var delivery = rerun.webhook().orElseThrow();
        assertThat(delivery.event()).isEqualTo("run.rerun");
        assertThat(delivery.subject()).isEqualTo(rerun.run().run().id().value());
        assertThat(delivery.payload().text())
                .isEqualTo("{\"client\":\"hooked\",\"from_stage\":null,"
                        + "\"rerun_of_dossier_id\":\"" + dossier.id() + "\",\"run_id\":\""
                        + rerun.run().run().id() + "\","
                        + "\"seed\":" + run.seed().document().text() + "}");
        assertThat(w.rerunService.ofRun(key, rerun.run().run().id())).containsExactly(delivery);
        assertThatThrownBy(() -> w.rerunService.rerun(key, dossier.id(), Optional.of("Not A Stage")))
                .isInstanceOf(Invalid.class);
    }

    @Test
    void dossiers_land_on_the_inbox_or_the_lists_named_and_unknown_lists_are_not_found() {
        var hot = w.dossierService.create(w.acmeKey, Optional.empty(), "Hot").list();
        var cold = w.dossierService.create(w.acmeKey, Optional.empty(), "cold").list();
        assertThat(w.dossierService.create(w.acmeKey, Optional.empty(), "HOT").created())
                .isFalse();
        DossierDetails d = publish(
                w.written("Acme", "acme.com"),
                options(null, List.of(hot.id().toString(), cold.id().toString()), null, null));
        assertThat(d.lists()).extracting(DossierList::name).containsExactly("cold", "Hot");

        var betaList =
                w.dossierService.create(w.betaKey, Optional.empty(), "Theirs").list();
        Run run = w.written("Other", "other.com");
        assertThatThrownBy(
                        () -> publish(run, options(null, List.of(betaList.id().toString()), null, null)))
                .isInstanceOf(NotFound.class);
        assertThat(w.dossiers.byRun(run.id())).isEmpty();

        assertThat(w.dossierService.remove(w.acmeKey, d.dossier().id(), hot.id()))
                .extracting(DossierList::name)
                .containsExactly("cold");
        assertThat(w.dossierService.add(w.acmeKey, d.dossier().id(), hot.id())).hasSize(2);
        assertThat(w.dossierService
                        .lists(w.acmeKey, Optional.empty(), PageRequest.first(10))
                        .items())
                .extracting(DossierList::name)
                .containsExactly("cold", "Hot", "Inbox");
        assertThatThrownBy(() -> w.dossierService.add(w.acmeKey, d.dossier().id(), betaList.id()))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void a_scheduled_dossier_is_hidden_from_client_keys_until_released() {
        DossierDetails d = publish(w.written("Acme", "acme.com"), options("2026-11-24", null, null, null));
        var id = d.dossier().id();
        assertThat(d.dossier().status()).isEqualTo(DossierStatus.SCHEDULED);
        assertThatThrownBy(() -> w.dossierService.get(w.acmeKey, id)).isInstanceOf(NotFound.class);
        assertThat(w.dossierService.get(w.admin, id).dossier().status()).isEqualTo(DossierStatus.SCHEDULED);
        assertThat(list(w.acmeKey)).isEmpty();

        assertThat(w.releaseService.releaseDue()).isZero();
        w.clock.set(java.time.Instant.parse("2026-11-23T23:00:00Z"));
        assertThat(w.releaseService.releaseDue()).isEqualTo(1);
        assertThat(w.dossierService.get(w.acmeKey, id).dossier().releasedAt()).contains(w.clock.instant());
        assertThat(list(w.acmeKey)).hasSize(1);
        assertThat(w.releaseService.releaseDue()).isZero();
    }

    private List<ListedDossier> list(io.columnline.domain.access.Caller caller) {
        return w.dossierService
                .list(
                        caller,
                        ReadDossiersUseCase.Query.of(
                                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                        PageRequest.first(50))
                .items();
    }

    @Test
    void batch_counts_follow_runs_as_they_start_fail_and_publish() {
        Run published = w.written("Acme", "acme.com");
        Run failed = w.written("Beta", "beta.com");
        Run open = w.written("Gamma", "gamma.com");
        Batch batch = w.batches.byName(w.acme.id(), "V2_20261122").orElseThrow();
        assertThat(w.batches.counts(batch.id()).runsStarted()).isEqualTo(3);

        publish(published);
        w.runService.fail(w.acmeKey, failed.id(), "boom");
        w.runService.fail(w.acmeKey, failed.id(), "boom again");
        assertThat(w.batches.counts(batch.id())).isEqualTo(new BatchCounts(3, 1, 1));
        assertThat(w.batches.counts(batch.id()).status()).isEqualTo(BatchStatus.IN_PROGRESS);

        publish(open);
        assertThat(w.batches.counts(batch.id()).status()).isEqualTo(BatchStatus.COMPLETE);
        var details = w.batchService.get(w.acmeKey, batch.id(), PageRequest.first(10));
        assertThat(details.dossiers().items()).hasSize(2);

        w.clock.advance(Duration.ofDays(1));
        w.written("Delta", "delta.com");
        assertThat(w.batchService
                        .list(
                                w.acmeKey,
                                new io.columnline.application.publishing.port.in.ReadBatchesUseCase.Query(
                                        Optional.empty(), Optional.empty()),
                                PageRequest.first(10))
                        .items())
                .extracting(b -> b.batch().name())
                .containsExactly("V2_20261123", "V2_20261122");
        assertThatThrownBy(() -> w.batchService.get(w.betaKey, batch.id(), PageRequest.first(10)))
                .isInstanceOf(NotFound.class);
    }
}
