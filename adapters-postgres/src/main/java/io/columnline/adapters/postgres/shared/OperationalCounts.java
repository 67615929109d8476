package io.columnline.adapters.postgres.shared;

import jakarta.inject.Inject;

/**
 * The work waiting in the database, counted in one statement for a metrics scrape: dossiers
 * scheduled for release (and how many are due), the webhook outbox pending and given up, and the
 * context sources waiting for or in processing.
 */
public final class OperationalCounts {
    public record Counts(
            long dossiersScheduled,
            long dossiersDue,
            long webhooksPending,
            long webhooksGivenUp,
            long sourcesPending,
            long sourcesProcessing) {}

    private final Database database;

    @Inject
    public OperationalCounts(Database database) {
        this.database = database;
    }

    public Counts read() {
        return database.jdbi()
                .withHandle(h -> h.createQuery("""
                SELECT (SELECT count(*) FROM dossiers WHERE status = 'scheduled') AS scheduled,
                       (SELECT count(*) FROM dossiers WHERE status = 'scheduled' AND release_at <= now()) AS due,
                       (SELECT count(*) FROM webhook_deliveries WHERE status = 'pending') AS pending,
                       (SELECT count(*) FROM webhook_deliveries WHERE status = 'failed') AS given_up,
                       (SELECT count(*) FROM context_sources WHERE status = 'pending') AS sources_pending,
                       (SELECT count(*) FROM context_sources WHERE status = 'processing') AS sources_processing
                """)
                        .map((rs, ctx) -> new Counts(
                                rs.getLong("scheduled"),
                                rs.getLong("due"),
                                rs.getLong("pending"),
                                rs.getLong("given_up"),
                                rs.getLong("sources_pending"),
                                rs.getLong("sources_processing")))
                        .one());
    }
}
