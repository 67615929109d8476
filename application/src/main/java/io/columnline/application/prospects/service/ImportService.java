package io.columnline.application.prospects.service;

import io.columnline.application.knowledge.port.in.EventsUseCase;
import io.columnline.application.prospects.port.in.ImportProspectsUseCase;
import io.columnline.application.prospects.port.out.CsvFiles;
import io.columnline.application.prospects.port.out.ProspectImports;
import io.columnline.application.prospects.port.out.ProspectImports.Applied;
import io.columnline.application.prospects.port.out.ProspectImports.Batch;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tenancy.port.in.ClientAccess;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.event.SystemEvent;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.prospect.Field;
import io.columnline.domain.prospect.FieldValues;
import io.columnline.domain.prospect.ImportCounts;
import io.columnline.domain.prospect.ImportRecord;
import io.columnline.domain.prospect.ProspectKind;
import io.columnline.domain.prospect.ProspectLayout;
import io.columnline.domain.prospect.RowProblem;
import jakarta.inject.Inject;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Streams a file through the row rules into storage: a bad row is reported and skipped, the rest
 * is applied as one unit; the same file with the same anchors is recognised and not applied twice.
 */
public final class ImportService implements ImportProspectsUseCase {
    private static final int PROGRESS_EVERY = 10_000;

    private final CsvFiles csv;
    private final ProspectImports imports;
    private final ClientAccess access;
    private final EventsUseCase events;
    private final Clock clock;

    @Inject
    public ImportService(
            CsvFiles csv, ProspectImports imports, ClientAccess access, EventsUseCase events, Clock clock) {
        this.events = events;
        this.csv = csv;
        this.imports = imports;
        this.access = access;
        this.clock = clock;
    }

    @Override
    public Summary run(Command command) {
        Client client = access.chosen(command.caller(), command.client());
        Summary summary = run(command, client);
        if (!summary.dryRun() && !summary.alreadyImported()) {
            ImportCounts c = summary.counts();
            events.ofClient(
                    client.id(),
                    SystemEvent.IMPORT_FINISHED,
                    new JsonDocument("{\"duplicates_in_file\":" + c.duplicatesInFile() + ",\"import_id\":\""
                            + summary.importId() + "\",\"inserted\":" + c.inserted() + ",\"kind\":\""
                            + summary.kind().name().toLowerCase(java.util.Locale.ROOT) + "\",\"read\":" + c.read()
                            + ",\"rejected\":" + c.rejected() + ",\"unchanged\":" + c.unchanged()
                            + ",\"updated\":" + c.updated() + "}"));
        }
        return summary;
    }

    private Summary run(Command command, Client client) {
        ProspectKind kind = command.kind();
        if (command.sha256().isPresent() && !command.force() && !command.dryRun()) {
            Optional<ImportRecord> before = imports.previous(
                    client.id(), kind, command.sha256().get(), command.sessionKey(), command.batchId());
            if (before.isPresent()) {
                return alreadyImported(before.get());
            }
        }
        Instant started = clock.instant();
        long startedNanos = System.nanoTime();
        MessageDigest digest = sha256();
        var problems = new Problems(command.problems());
        try (CsvFiles.Source source = csv.open(
                new DigestInputStream(command.data(), digest),
                new CsvFiles.Format(command.encoding(), command.delimiter()))) {
            ProspectLayout layout = ProspectLayout.of(kind, source.header(), command.mapping());
            FieldValues anchors = anchors(kind, command);
            List<Field> given = new ArrayList<>(layout.givenFields());
            for (String name : anchors.names()) {
                Field field = kind.field(name).orElseThrow();
                if (!given.contains(field)) {
                    given.add(field);
                }
            }
            UUID importId = UUID.randomUUID();
            try (Batch batch =
                    imports.begin(new ProspectImports.Plan(importId, client.id(), kind, given, command.dryRun()))) {
                long read = 0;
                long rejected = 0;
                for (CsvFiles.Record record = source.next(); record != null; record = source.next()) {
                    read++;
                    if (read % PROGRESS_EVERY == 0) {
                        command.progress().accept(read);
                    }
                    if (record.malformed().isPresent()) {
                        rejected++;
                        RowProblem problem = new RowProblem(
                                record.line(), "", "", record.malformed().get());
                        problems.accept(problem);
                        batch.reject(problem);
                        continue;
                    }
                    switch (layout.read(record.line(), record.cells())) {
                        case ProspectLayout.Accepted row -> batch.add(row.line(), withAnchors(row.values(), anchors));
                        case ProspectLayout.Rejected row -> {
                            rejected++;
                            row.problems().forEach(p -> {
                                problems.accept(p);
                                batch.reject(p);
                            });
                        }
                    }
                }
                command.progress().accept(read);
                if (read == 0) {
                    throw new Invalid("file", "has a header line but no rows to import");
                }
                String sha = HexFormat.of().formatHex(digest.digest());
                if (!command.force() && !command.dryRun()) {
                    Optional<ImportRecord> before =
                            imports.previous(client.id(), kind, sha, command.sessionKey(), command.batchId());
                    if (before.isPresent()) {
                        return alreadyImported(before.get());
                    }
                }
                long rejectedBefore = rejected;
                Applied applied = batch.finish(
                        new ProspectImports.Finish(
                                command.fileName(),
                                sha,
                                command.sessionKey(),
                                command.batchId(),
                                read,
                                rejectedBefore,
                                started),
                        problems);
                var counts = new ImportCounts(
                        read,
                        applied.inserted(),
                        applied.updated(),
                        applied.unchanged(),
                        rejectedBefore + applied.rejected(),
                        applied.duplicatesInFile());
                double seconds = Math.max(1e-9, (System.nanoTime() - startedNanos) / 1e9);
                return new Summary(
                        importId,
                        kind,
                        command.dryRun(),
                        false,
                        counts,
                        read / seconds,
                        source.delimiter(),
                        layout.ignoredColumns(),
                        problems.first());
            }
        }
    }

    /** --session-key and --batch-id tag every row that does not carry its own. */
    private static FieldValues anchors(ProspectKind kind, Command command) {
        FieldValues anchors = FieldValues.NONE;
        if (kind == ProspectKind.COMPANIES) {
            if (command.sessionKey().isPresent()) {
                anchors = anchors.with("session_key", command.sessionKey().get());
            }
            if (command.batchId().isPresent()) {
                anchors = anchors.with("batch_id", command.batchId().get());
            }
        } else if (command.sessionKey().isPresent()) {
            anchors = anchors.with("employee_session_key", command.sessionKey().get());
        }
        return anchors;
    }

    private static FieldValues withAnchors(FieldValues row, FieldValues anchors) {
        FieldValues result = row;
        for (String name : anchors.names()) {
            if (row.get(name) == null) {
                result = result.with(name, anchors.get(name));
            }
        }
        return result;
    }

    private static Summary alreadyImported(ImportRecord record) {
        return new Summary(record.id(), record.kind(), false, true, record.counts(), 0, ',', List.of(), List.of());
    }

    @Override
    public Page<ImportRecord> list(Caller caller, Optional<ClientSlug> client, PageRequest page) {
        return imports.list(access.chosen(caller, client).id(), page);
    }

    @Override
    public ImportRecord get(Caller caller, UUID importId) {
        return imports.byId(importId)
                .filter(r -> caller.canSee(r.client()))
                .orElseThrow(() -> new NotFound("import", importId));
    }

    @Override
    public Page<RowProblem> errors(Caller caller, UUID importId, PageRequest page) {
        return imports.errors(get(caller, importId).id(), page);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Hands every problem on and keeps the first few for the summary. */
    private static final class Problems implements Consumer<RowProblem> {
        private final Consumer<RowProblem> sink;
        private final List<RowProblem> first = new ArrayList<>();

        Problems(Consumer<RowProblem> sink) {
            this.sink = sink;
        }

        @Override
        public void accept(RowProblem problem) {
            if (first.size() < FIRST_PROBLEMS) {
                first.add(problem);
            }
            sink.accept(problem);
        }

        List<RowProblem> first() {
            return List.copyOf(first);
        }
    }
}
