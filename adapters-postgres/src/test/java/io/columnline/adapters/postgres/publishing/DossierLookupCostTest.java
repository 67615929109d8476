package io.columnline.adapters.postgres.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.adapters.postgres.shared.PostgresDatabase;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a publish reads of the client's dossiers stays the company's share, however many dossiers the
 * client has and whatever plan PostgreSQL keeps for the statement: a plan made once for every company
 * (a generic plan, as the driver uses after a statement's fifth run) while the table was small and
 * never analyzed, as on a new database, then kept while the table grows. The pages read are the
 * plan's own count (EXPLAIN ANALYZE BUFFERS).
 */
class DossierLookupCostTest {
    private static final UUID CLIENT = UUID.fromString("11111111-1111-1111-1111-111111111111");

    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Test
    void the_newest_live_dossier_of_a_company_is_found_without_reading_the_clients_other_dossiers() {
        String sql = JdbiDossiers.NEWEST_LIVE
                .replace(":client", "$1")
                .replace(":domain", "$2")
                .replace(":companyId", "$3")
                .replace(":name", "$4");
        String execute = "EXECUTE newest_live('" + CLIENT + "', 'company-1.example', NULL, 'company 1')";

        String plan = DB.session()
                .inTransaction(() -> DB.session().withHandle(h -> {
                    h.execute("SET LOCAL session_replication_role = replica"); // dossiers without their runs
                    h.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                    liveDossiers(h, 1, 1);
                    h.execute("PREPARE newest_live(uuid, text, text, text) AS " + sql);
                    h.execute(execute);
                    liveDossiers(h, 1000, 3000);
                    String explained = h.createQuery("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + execute)
                            .mapTo(String.class)
                            .one();
                    h.execute("DEALLOCATE newest_live");
                    return explained;
                }));

        Matcher pages = Pattern.compile("\"Shared Hit Blocks\": (\\d+)").matcher(plan);
        assertThat(pages.find()).as(plan).isTrue();
        // an index descent per rule and the row: a handful of pages; reading every live dossier of the
        // client is dozens, and grows with them
        assertThat(Long.parseLong(pages.group(1))).as(plan).isLessThan(20);
    }

    /**
     * A foreign key check is planned once per connection and kept, like a generic plan: one on a key
     * that is not the primary key can be planned on another index starting with client_id (runs and
     * dossiers have one, newest first) and read every row of the client on each check (V12, V14).
     */
    @ParameterizedTest
    @ValueSource(strings = {"dossiers", "runs"})
    void every_foreign_key_into_a_table_with_many_rows_per_client_is_checked_by_its_primary_key(String table) {
        List<String> others = DB.session()
                .withHandle(h -> h.createQuery("""
                        SELECT c.conrelid::regclass || '.' || c.conname FROM pg_constraint c
                         WHERE c.contype = 'f' AND c.confrelid = CAST(:table AS regclass)
                           AND c.confkey <> ARRAY[(SELECT attnum FROM pg_attribute
                                                    WHERE attrelid = CAST(:table AS regclass) AND attname = 'id')]
                        """)
                        .bind("table", table)
                        .mapTo(String.class)
                        .list());
        int keys = DB.session()
                .withHandle(h -> h.createQuery(
                                "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND confrelid = CAST(:table AS regclass)")
                        .bind("table", table)
                        .mapTo(Integer.class)
                        .one());

        assertThat(others).isEmpty();
        assertThat(keys).as("foreign keys into " + table).isPositive();
    }

    /** Live dossiers of companies {@code from..to} of one client. */
    private static void liveDossiers(Handle h, int from, int to) {
        h.createUpdate("""
                        INSERT INTO dossiers (id, client_id, run_id, batch_id, company_name, company_name_key,
                               company_domain, pipeline_version, status, released_at, published_with,
                               created_at, updated_at)
                        SELECT gen_random_uuid(), :client, gen_random_uuid(), gen_random_uuid(), 'Company ' || n,
                               'company ' || n, 'company-' || n || '.example', 'v2', 'released', now(), '',
                               now() + n * interval '1 millisecond', now()
                          FROM generate_series(:from, :to) n
                        """)
                .bind("client", CLIENT)
                .bind("from", from)
                .bind("to", to)
                .execute();
    }
}
