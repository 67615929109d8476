package io.columnline.adapters.postgres.prospects;

import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.application.prospects.port.out.Companies;
import io.columnline.application.prospects.port.out.Contacts;
import io.columnline.application.prospects.port.out.RunContacts;

/** The prospects area's adapters, for the tests of other areas that need its rows. */
public final class ProspectsAdapters {
    private ProspectsAdapters() {}

    public static Companies companies(JdbiSession session) {
        return new JdbiCompanies(session);
    }

    public static Contacts contacts(JdbiSession session) {
        return new JdbiContacts(session);
    }

    public static RunContacts runContacts(JdbiSession session) {
        return new JdbiRunContacts(session);
    }
}
