package io.columnline.adapters.postgres.publishing;

import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.application.publishing.port.out.Batches;
import io.columnline.application.publishing.port.out.Dossiers;

/** The publishing area's adapters, for the tests of other areas that need its rows. */
public final class PublishingAdapters {
    private PublishingAdapters() {}

    public static Batches batches(JdbiSession session) {
        return new JdbiBatches(session);
    }

    public static Dossiers dossiers(JdbiSession session) {
        return new JdbiDossiers(session);
    }
}
