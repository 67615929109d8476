package io.columnline.adapters.postgres.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.adapters.postgres.prospects.ProspectsAdapters;
import io.columnline.adapters.postgres.shared.Database;
import io.columnline.adapters.postgres.shared.DatabaseUrl;
import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.TestPostgres;
import io.columnline.application.publishing.port.out.DossierExports.SectionColumn;
import io.columnline.application.publishing.port.out.Dossiers;
import io.columnline.domain.dossier.DossierId;
import io.columnline.domain.dossier.DossierSection;
import io.columnline.domain.prospect.Contact;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * V8 moves a published dossier's sections into its row and derives its contacts from its run: a
 * dossier published before V8 reads back, exports and lists its contacts exactly as after.
 */
class DossierRowsMigrationTest {
    private static final UUID CLIENT = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID RUN = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID BATCH = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID DOSSIER = UUID.fromString("00000000-0000-0000-0000-0000000000d1");

    @Test
    void sections_and_contacts_of_dossiers_published_before_v8_survive_it() {
        String url = TestPostgres.newEmptyDatabaseUrl();
        Flyway.configure().dataSource(url, null, null).target("7").load().migrate();
        Jdbi.create(url).useHandle(h -> h.execute("""
            INSERT INTO clients (id, slug, name, timezone, created_at, updated_at)
                VALUES ('%1$s', 'acme', 'Acme', 'UTC', now(), now());
            INSERT INTO runs (id, client_id, seed, company_name, company_domain, pipeline_version, status, started_at)
                VALUES ('%2$s', '%1$s', '{"company_name": "Beta", "domain": "beta.com"}', 'Beta', 'beta.com', 'v2',
                        'published', now());
            INSERT INTO batches (id, client_id, name, day, pipeline_version, created_at)
                VALUES ('%3$s', '%1$s', 'V2_20261122', '2026-11-22', 'v2', now());
            INSERT INTO dossiers (id, client_id, run_id, batch_id, company_name, company_name_key, company_domain,
                                  pipeline_version, status, released_at, published_with, created_at, updated_at)
                VALUES ('%4$s', '%1$s', '%2$s', '%3$s', 'Beta', 'beta', 'beta.com', 'v2', 'released', now(), 'x',
                        now(), now());
            INSERT INTO dossier_sections (client_id, dossier_id, key, title, position, content, step_key, step_attempt)
                VALUES ('%1$s', '%4$s', 'overview', 'Overview', 1,
                        '{"headline": "Beta, \\"the\\" best", "tags": ["a", "b"], "gone": null}', 'writer.overview', 2),
                       ('%1$s', '%4$s', 'verdict', 'Verdict', 0, '"buy"', 'writer.verdict', 1);
            INSERT INTO contacts (id, client_id, run_id, dossier_id, full_name, created_at, updated_at)
                VALUES (gen_random_uuid(), '%1$s', '%2$s', '%4$s', 'Al First', now(), now());
            """.formatted(CLIENT, RUN, BATCH, DOSSIER)));

        try (Database database = Database.connect(DatabaseUrl.parse(url), 2)) {
            database.migrate();
            var session = new JdbiSession(database.jdbi());
            List<DossierSection> sections = new JdbiDossiers(session).sections(new DossierId(DOSSIER));
            assertThat(sections).extracting(s -> s.key().value()).containsExactly("verdict", "overview");
            assertThat(sections.get(1).content().text())
                    .isEqualTo("{\"headline\": \"Beta, \\\"the\\\" best\", \"tags\": [\"a\", \"b\"], \"gone\": null}");
            assertThat(sections.get(1).writtenBy().attempt()).isEqualTo(2);

            var exports = new JdbiDossierExports(session);
            var query = new Dossiers.Query(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    false);
            List<SectionColumn> columns = exports.sectionColumns(query);
            assertThat(columns)
                    .extracting(SectionColumn::header)
                    .containsExactly("verdict", "overview.gone", "overview.headline", "overview.tags");
            List<List<String>> cells = new java.util.ArrayList<>();
            session.inTransaction(() -> {
                exports.forEachRow(
                        query, columns, row -> cells.add(row.sections().values()));
                return null;
            });
            assertThat(cells).containsExactly(List.of("buy", "", "Beta, \"the\" best", "[\"a\", \"b\"]"));

            assertThat(ProspectsAdapters.runContacts(session).ofDossiers(List.of(new DossierId(DOSSIER))))
                    .extractingByKey(new DossierId(DOSSIER))
                    .satisfies(contacts ->
                            assertThat(contacts).extracting(Contact::dossierId).containsExactly(Optional.of(DOSSIER)));
        }
    }
}
