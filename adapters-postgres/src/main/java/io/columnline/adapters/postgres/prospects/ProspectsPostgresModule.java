package io.columnline.adapters.postgres.prospects;

import dagger.Binds;
import dagger.Module;
import io.columnline.application.prospects.port.out.AiInteractions;
import io.columnline.application.prospects.port.out.Companies;
import io.columnline.application.prospects.port.out.Contacts;
import io.columnline.application.prospects.port.out.CsvFiles;
import io.columnline.application.prospects.port.out.ProspectImports;
import io.columnline.application.prospects.port.out.RunContacts;

/** The prospects area's bindings; PostgresModule includes it. */
@Module
public abstract class ProspectsPostgresModule {
    private ProspectsPostgresModule() {}

    @Binds
    abstract RunContacts runContacts(JdbiRunContacts contacts);

    @Binds
    abstract Companies companies(JdbiCompanies companies);

    @Binds
    abstract Contacts contacts(JdbiContacts contacts);

    @Binds
    abstract AiInteractions aiInteractions(JdbiAiInteractions interactions);

    @Binds
    abstract ProspectImports prospectImports(PostgresProspectImports imports);

    /** Import files are read with FastCSV; they are only ever read to be loaded into PostgreSQL. */
    @Binds
    abstract CsvFiles csvFiles(FastCsvFiles files);
}
