package io.columnline.adapters.postgres.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;

/** Keeps the fixed list Flyway gets in {@link Migrations} equal to the migration files. */
class MigrationsTest {
    private static final Path SOURCES = Path.of("../migrations/src/main/resources/db/migration");

    @Test
    void the_list_names_every_migration_file_in_version_order() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            var onDisk = files.map(p -> p.getFileName().toString())
                    .sorted(Comparator.comparingInt(MigrationsTest::version))
                    .toList();
            assertThat(Migrations.FILES)
                    .as("Migrations.FILES must list every file of %s (add a new V{n}__what.sql there too)", SOURCES)
                    .containsExactlyElementsOf(onDisk);
        }
    }

    @Test
    void flyway_resolves_the_same_migrations_as_by_scanning_the_classpath() {
        try (Database database = TestPostgres.newDatabase()) {
            var scanned = Flyway.configure()
                    .dataSource(database.dataSource())
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load();
            // migrated through the list; the scanning Flyway finds the same scripts with the same checksums
            assertThat(scanned.validateWithResult().validationSuccessful).isTrue();
            assertThat(Stream.of(scanned.info().all()).map(MigrationInfo::getScript))
                    .containsExactlyElementsOf(Migrations.FILES);
            assertThat(database.isReady()).isTrue();
        }
    }

    private static int version(String file) {
        return Integer.parseInt(file.substring(1, file.indexOf("__")));
    }
}
