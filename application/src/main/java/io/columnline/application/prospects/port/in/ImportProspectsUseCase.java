package io.columnline.application.prospects.port.in;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.prospect.ImportCounts;
import io.columnline.domain.prospect.ImportRecord;
import io.columnline.domain.prospect.ProspectKind;
import io.columnline.domain.prospect.RowProblem;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/** Loads a CSV list of companies or contacts of one client; safe to run twice. */
public interface ImportProspectsUseCase {
    Summary run(Command command);

    /** Past imports of a client (the caller's own client when none is named), newest first. */
    Page<ImportRecord> list(Caller caller, Optional<ClientSlug> client, PageRequest page);

    ImportRecord get(Caller caller, UUID importId);

    Page<RowProblem> errors(Caller caller, UUID importId, PageRequest page);

    /**
     * {@code sha256} of the file when the caller knows it before reading (a file on disk), so an
     * already imported file is recognised without reading it; {@code problems} receives every
     * problem of every rejected row as it is found; {@code progress} the rows read so far.
     */
    record Command(
            Caller caller,
            Optional<ClientSlug> client,
            ProspectKind kind,
            String fileName,
            InputStream data,
            Optional<String> sha256,
            Optional<String> sessionKey,
            Optional<String> batchId,
            boolean dryRun,
            boolean force,
            Charset encoding,
            Optional<Character> delimiter,
            Map<String, String> mapping,
            Consumer<RowProblem> problems,
            LongConsumer progress) {}

    /**
     * {@code alreadyImported}: the same file with the same anchors was imported before (its record
     * is reported, nothing ran). {@code firstProblems} holds at most {@link #FIRST_PROBLEMS}.
     */
    record Summary(
            UUID importId,
            ProspectKind kind,
            boolean dryRun,
            boolean alreadyImported,
            ImportCounts counts,
            double rowsPerSecond,
            char delimiter,
            List<String> ignoredColumns,
            List<RowProblem> firstProblems) {}

    int FIRST_PROBLEMS = 100;
}
