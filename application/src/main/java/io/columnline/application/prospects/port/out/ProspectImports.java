package io.columnline.application.prospects.port.out;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.prospect.Field;
import io.columnline.domain.prospect.FieldValues;
import io.columnline.domain.prospect.ImportRecord;
import io.columnline.domain.prospect.ProspectKind;
import io.columnline.domain.prospect.RowProblem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The bulk upsert of prospect rows and the record of past imports. A {@link Batch} is one
 * all-or-nothing unit: rows go in as they are read, {@link Batch#finish} applies them and
 * records the import, {@link Batch#close} without finishing leaves storage as it was.
 */
public interface ProspectImports {

    /**
     * {@code given} are the stored fields the file has: only they are written. A dry run does
     * everything but keep the result.
     */
    record Plan(UUID importId, ClientId client, ProspectKind kind, List<Field> given, boolean dryRun) {}

    /** What the import was, for its record; counts the service made before storage saw the rows. */
    record Finish(
            String fileName,
            String sha256,
            Optional<String> sessionKey,
            Optional<String> batchId,
            long rowsRead,
            long rowsRejectedBefore,
            Instant startedAt) {}

    /** What storage did with the rows it was given. */
    record Applied(long inserted, long updated, long unchanged, long rejected, long duplicatesInFile) {}

    Batch begin(Plan plan);

    /** The latest finished import of the same file with the same anchors, if any. */
    Optional<ImportRecord> previous(
            ClientId client, ProspectKind kind, String sha256, Optional<String> sessionKey, Optional<String> batchId);

    Optional<ImportRecord> byId(UUID id);

    /** Newest first. */
    Page<ImportRecord> list(ClientId client, PageRequest page);

    /** Every problem of one import, by line. */
    Page<RowProblem> errors(UUID importId, PageRequest page);

    interface Batch extends AutoCloseable {
        /** A row that passed every check a single row can be given; later rows with its key win. */
        void add(long line, FieldValues values);

        /** A problem of a rejected row, kept with the import record. */
        void reject(RowProblem problem);

        /**
         * Applies the rows: rows that only storage can refuse (a registration number held by another
         * company, a contact whose company is unknown) go to {@code rejected} and are kept with the
         * record. Commits unless the plan is a dry run.
         */
        Applied finish(Finish finish, Consumer<RowProblem> rejected);

        /** Rolls back whatever was not finished. */
        @Override
        void close();
    }
}
