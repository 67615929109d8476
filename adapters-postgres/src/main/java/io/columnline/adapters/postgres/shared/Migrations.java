package io.columnline.adapters.postgres.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The SQL migrations handed to Flyway by name instead of by classpath scanning: scanning walks
 * every entry of the runnable jar (tens of thousands) on every start and every readiness check.
 * {@code MigrationsTest} fails when this list and the files in the migrations module differ, so
 * a new {@code V{n}__what.sql} must be added here too.
 */
final class Migrations implements ResourceProvider {
    static final String FOLDER = "db/migration/";

    /** Every file of {@code migrations/src/main/resources/db/migration}, in version order. */
    static final List<String> FILES = List.of(
            "V1__tenants_keys_idempotency.sql",
            "V2__runs_stages_steps.sql",
            "V3__prompts_sections.sql",
            "V4__prospects_imports.sql",
            "V5__webhook_outbox.sql",
            "V6__dossiers_batches_lists.sql",
            "V7__run_contacts.sql",
            "V8__dossier_rows_hold_their_sections.sql",
            "V11__publish_skips_hot_parent_locks.sql",
            "V12__dossier_lookups_stay_on_their_keys.sql",
            "V13__publish_writes_fewer_index_entries.sql",
            "V14__run_keys_checked_by_primary_key.sql",
            "V15__pipelines.sql",
            "V20__context_sources_chunks.sql",
            "V21__chunk_embeddings.sql",
            "V22__knowledge_changes.sql",
            "V26__source_supplied_chunks.sql",
            "V30__runs_follow_pipelines_steps_run.sql",
            "V35__client_external_ids_and_configs.sql",
            "V40__research_cache.sql",
            "V41__system_events.sql",
            "V42__insights.sql",
            "V43__artifacts.sql",
            "V44__knowledge_documents.sql",
            "V50__usage_rollups.sql",
            "V51__usage_daily_rollups.sql",
            "V52__dossier_external_ids.sql",
            "V53__client_default_pipelines.sql");

    static final ClassProvider<JavaMigration> NO_JAVA_MIGRATIONS = List::of;

    private final List<LoadableResource> resources =
            FILES.stream().map(Sql::new).map(LoadableResource.class::cast).toList();

    @Override
    public LoadableResource getResource(String name) {
        return resources.stream()
                .filter(r -> r.getRelativePath().equals(name))
                .findFirst()
                .orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return resources.stream()
                .filter(r -> r.getFilename().startsWith(prefix)
                        && Arrays.stream(suffixes).anyMatch(r.getFilename()::endsWith))
                .toList();
    }

    /** One migration read from the classpath like Flyway's own classpath resources (same names, UTF-8). */
    private static final class Sql extends LoadableResource {
        private final String file;

        Sql(String file) {
            this.file = file;
        }

        @Override
        public Reader read() {
            InputStream in = Migrations.class.getClassLoader().getResourceAsStream(FOLDER + file);
            if (in == null) {
                throw new UncheckedIOException(new IOException(FOLDER + file + " is not on the classpath"));
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder());
        }

        @Override
        public String getAbsolutePath() {
            return FOLDER + file;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            var url = Migrations.class.getClassLoader().getResource(FOLDER + file);
            return url == null ? getAbsolutePath() : url.toString();
        }

        @Override
        public String getFilename() {
            return file;
        }

        @Override
        public String getRelativePath() {
            return file;
        }
    }
}
