package io.columnline.adapters.postgres;

import io.columnline.application.contract.PublicationsContract;
import io.columnline.application.port.out.Batches;
import io.columnline.application.port.out.Clients;
import io.columnline.application.port.out.Contacts;
import io.columnline.application.port.out.DossierLists;
import io.columnline.application.port.out.Dossiers;
import io.columnline.application.port.out.Publications;
import io.columnline.application.port.out.Reruns;
import io.columnline.application.port.out.RunContacts;
import io.columnline.application.port.out.Runs;
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
        return new JdbiRuns(DB.session());
    }

    @Override
    protected RunContacts runContacts() {
        return new JdbiRunContacts(DB.session());
    }

    @Override
    protected Contacts contacts() {
        return new JdbiContacts(DB.session());
    }

    @Override
    protected Batches batches() {
        return new JdbiBatches(DB.session());
    }

    @Override
    protected Clients clients() {
        return new JdbiClients(DB.session());
    }

    @Override
    protected Reruns reruns() {
        return new JdbiReruns(DB.session());
    }
}
