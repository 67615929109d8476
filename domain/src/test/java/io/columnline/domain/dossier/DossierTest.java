package io.columnline.domain.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.domain.batch.BatchId;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.client.ClientProfile;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.error.Conflict;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.error.Violation;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.Seed;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DossierTest {
    /** 23:30 in UTC is already the 23rd in Berlin. */
    static final Instant NOW = Instant.parse("2026-11-22T23:30:00Z");

    static final Client BERLIN = Client.create(
            ClientId.random(),
            new ClientSlug("acme"),
            Client.settings("Acme", "Europe/Berlin", null),
            ClientProfile.EMPTY,
            NOW);
    static final Seed SEED =
            new Seed("  Acme   Corp ", "HTTPS://www.Acme.com/about?x=1", Optional.of(" 42 "), new JsonDocument("{}"));

    static Run run() {
        return Run.start(RunId.random(), BERLIN.id(), SEED, Optional.empty(), Optional.empty(), NOW);
    }

    static PublishOptions releasedOn(String date) {
        return PublishOptions.of(date, null, null, null);
    }

    @Test
    void domains_are_normalised_without_scheme_www_path_port_or_case() {
        assertThat(Arrays.asList(
                        "acme.com",
                        "Acme.COM",
                        "https://www.acme.com/",
                        "http://acme.com:8080/path?q#f",
                        "www.acme.com.",
                        "//acme.com",
                        "https://user@www.acme.com/x"))
                .allSatisfy(d -> assertThat(Company.normalizeDomain(d)).isEqualTo("acme.com"));
        assertThat(Company.normalizeName("  Acme \t  CORP ")).isEqualTo("acme corp");
        assertThat(Company.of(SEED)).isEqualTo(new Company("Acme   Corp", "acme.com", Optional.of("42")));
    }

    @Test
    void without_a_release_date_or_with_today_s_date_a_dossier_is_released_now() {
        for (PublishOptions options :
                List.of(PublishOptions.DEFAULT, releasedOn("2026-11-23"), releasedOn("2026-01-01"))) {
            Dossier d = Dossier.publish(
                    DossierId.random(), run(), BERLIN, BatchId.random(), options, Optional.empty(), NOW);
            assertThat(d.status()).isEqualTo(DossierStatus.RELEASED);
            assertThat(d.releasedAt()).contains(NOW);
            assertThat(d.isReleased()).isTrue();
            assertThat(d.releaseAt()).isEmpty();
        }
    }

    @Test
    void a_later_release_date_schedules_the_dossier_for_the_start_of_that_day_in_the_client_s_zone() {
        Dossier d = Dossier.publish(
                DossierId.random(), run(), BERLIN, BatchId.random(), releasedOn("2026-11-24"), Optional.empty(), NOW);
        assertThat(d.status()).isEqualTo(DossierStatus.SCHEDULED);
        assertThat(d.releasedAt()).isEmpty();
        assertThat(d.releaseAt()).contains(Instant.parse("2026-11-23T23:00:00Z"));
        assertThat(d.isDueForRelease(Instant.parse("2026-11-23T22:59:59Z"))).isFalse();
        assertThat(d.isDueForRelease(Instant.parse("2026-11-23T23:00:00Z"))).isTrue();

        Dossier released = d.release(Instant.parse("2026-11-23T23:00:30Z"));
        assertThat(released.status()).isEqualTo(DossierStatus.RELEASED);
        assertThat(released.releasedAt()).contains(Instant.parse("2026-11-23T23:00:30Z"));
        assertThat(released.release(NOW.plusSeconds(999_999))).isEqualTo(released);
    }

    @Test
    void superseding_links_both_ways_and_happens_once() {
        Dossier old = Dossier.publish(
                DossierId.random(), run(), BERLIN, BatchId.random(), PublishOptions.DEFAULT, Optional.empty(), NOW);
        Dossier newer = Dossier.publish(
                DossierId.random(),
                run(),
                BERLIN,
                BatchId.random(),
                PublishOptions.DEFAULT,
                Optional.of(old.id()),
                NOW.plusSeconds(1));
        Dossier replaced = old.supersededBy(newer.id(), NOW.plusSeconds(1));

        assertThat(newer.isUpdate()).isTrue();
        assertThat(old.isUpdate()).isFalse();
        assertThat(replaced.status()).isEqualTo(DossierStatus.SUPERSEDED);
        assertThat(replaced.supersededBy()).contains(newer.id());
        assertThat(replaced.isLive()).isFalse();
        assertThat(replaced.isReleased()).isTrue();
        assertThat(replaced.release(NOW)).isEqualTo(replaced);
        assertThatThrownBy(() -> replaced.supersededBy(DossierId.random(), NOW)).isInstanceOf(Conflict.class);
    }

    @Test
    void publish_options_report_every_malformed_part_and_compare_by_value() {
        assertThatThrownBy(() -> PublishOptions.of("next tuesday", null, "sometimes", "nope"))
                .isInstanceOfSatisfying(
                        Invalid.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly("release_date", "supersede", "supersedes_dossier_id"));
        assertThatThrownBy(() -> PublishOptions.of(null, List.of("not-a-list"), null, null))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() ->
                        PublishOptions.of(null, null, "none", UUID.randomUUID().toString()))
                .isInstanceOf(Invalid.class);

        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        assertThat(PublishOptions.of("2026-11-25", List.of(a, b, a), "AUTO", null)
                        .fingerprint())
                .isEqualTo(PublishOptions.of("2026-11-25", List.of(b, a), null, null)
                        .fingerprint());
        assertThat(PublishOptions.of("2026-11-25", List.of(a), null, null).fingerprint())
                .isNotEqualTo(
                        PublishOptions.of("2026-11-26", List.of(a), null, null).fingerprint());
        assertThat(PublishOptions.of(null, null, null, null)).isEqualTo(PublishOptions.DEFAULT);
        assertThat(PublishOptions.of(" 2026-11-25 ", null, null, null).releaseDate())
                .contains(LocalDate.parse("2026-11-25"));
    }

    @Test
    void list_names_are_required_trimmed_and_the_inbox_is_known() {
        assertThatThrownBy(() -> DossierList.checkName("  ")).isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> DossierList.checkName("x".repeat(201))).isInstanceOf(Invalid.class);
        assertThat(DossierList.checkName("  Hot leads ")).isEqualTo("Hot leads");
        assertThat(DossierList.inbox(ClientId.random(), NOW).isInbox()).isTrue();
        assertThat(DossierList.nameKey(" HOT Leads")).isEqualTo("hot leads");
    }
}
