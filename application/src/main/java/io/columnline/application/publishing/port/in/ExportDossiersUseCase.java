package io.columnline.application.publishing.port.in;

import io.columnline.domain.access.Caller;
import io.columnline.domain.dossier.DossierStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Dossiers as RFC 4180 CSV: one row per contact of each dossier (one for a dossier without
 * contacts), dossier and company columns first, then each section's top-level fields as
 * {@code section.field}, then the contact's. Written as it is read, in constant memory.
 */
public interface ExportDossiersUseCase {
    /** Checks the query and finds the columns; nothing is written until {@link CsvExport#writeTo}. */
    CsvExport export(Caller caller, Query query);

    /** {@code client} is a slug or id (a client key may leave it out); {@code batch} and {@code list} are ids or names. */
    record Query(
            Optional<String> client, Optional<String> batch, Optional<String> list, Optional<DossierStatus> status) {}

    interface CsvExport {
        /** A file name that says what was exported, e.g. {@code acme-dossiers-V2_20261122.csv}. */
        String fileName();

        /**
         * Writes the header and every row in UTF-8 (buffer {@code out}); returns how many rows
         * (without the header) were written.
         */
        long writeTo(OutputStream out) throws IOException;
    }
}
