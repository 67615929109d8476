package io.columnline.adapters.postgres.publishing;

import io.columnline.adapters.postgres.prospects.ProspectsAdapters;
import io.columnline.adapters.postgres.shared.PostgresDatabase;
import io.columnline.adapters.postgres.tenancy.TenancyAdapters;
import io.columnline.adapters.postgres.tracking.TrackingAdapters;
import io.columnline.application.prospects.port.out.Contacts;
import io.columnline.application.prospects.port.out.RunContacts;
import io.columnline.application.publishing.contract.PublicationsContract;
import io.columnline.application.publishing.port.out.Batches;
import io.columnline.application.publishing.port.out.DossierLists;
import io.columnline.application.publishing.port.out.Dossiers;
import io.columnline.application.publishing.port.out.Publications;
import io.columnline.application.publishing.port.out.Reruns;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.port.out.Runs;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiPublicationsTest extends PublicationsContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected Publications publications() {
        return new JdbiPublications(DB.session());
    }

    @Override
    protected Dossiers dossiers() {
        return new JdbiDossiers(DB.session());
    }

    @Override
    protected DossierLists lists() {
        return new JdbiDossierLists(DB.session());
    }

    @Override
    protected Runs runs() {
        return TrackingAdapters.runs(DB.session());
    }

    @Override
    protected RunContacts runContacts() {
        return ProspectsAdapters.runContacts(DB.session());
    }

    @Override
    protected Contacts contacts() {
        return ProspectsAdapters.contacts(DB.session());
    }

    @Override
    protected Batches batches() {
        return new JdbiBatches(DB.session());
    }

    @Override
    protected Clients clients() {
        return TenancyAdapters.clients(DB.session());
    }

    @Override
    protected Reruns reruns() {
        return new JdbiReruns(DB.session());
    }
}
