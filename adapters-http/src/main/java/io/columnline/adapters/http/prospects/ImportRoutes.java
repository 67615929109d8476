package io.columnline.adapters.http.prospects;

import io.columnline.adapters.http.shared.ListBody;
import io.columnline.adapters.http.shared.Request;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.application.prospects.port.in.ImportProspectsUseCase;
import io.columnline.application.prospects.port.in.ImportProspectsUseCase.Summary;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.prospect.ImportRecord;
import io.columnline.domain.prospect.ProspectKind;
import io.columnline.domain.prospect.RowProblem;
import jakarta.inject.Inject;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** CSV imports over HTTP: the body streams through the same use case as the CLI's. */
final class ImportRoutes implements Routes {
    private final ImportProspectsUseCase imports;
    private final ImportLimits limits;

    @Inject
    ImportRoutes(ImportProspectsUseCase imports, ImportLimits limits) {
        this.imports = imports;
        this.limits = limits;
    }

    record ProblemView(long line, String column, String value, String reason) {
        static ProblemView from(RowProblem p) {
            return new ProblemView(p.line(), p.column(), p.value(), p.reason());
        }
    }

    record SummaryView(
            String importId,
            String kind,
            long read,
            long inserted,
            long updated,
            long unchanged,
            long rejected,
            long duplicatesInFile,
            long rowsPerSecond,
            boolean dryRun,
            boolean alreadyImported,
            List<String> ignoredColumns,
            List<ProblemView> firstRejected,
            String errorsUrl) {
        static SummaryView from(Summary s) {
            var c = s.counts();
            return new SummaryView(
                    s.importId().toString(),
                    s.kind().key(),
                    c.read(),
                    c.inserted(),
                    c.updated(),
                    c.unchanged(),
                    c.rejected(),
                    c.duplicatesInFile(),
                    Math.round(s.rowsPerSecond()),
                    s.dryRun(),
                    s.alreadyImported(),
                    s.ignoredColumns(),
                    s.firstProblems().stream().map(ProblemView::from).toList(),
                    s.dryRun() ? null : "/api/v1/imports/" + s.importId() + "/errors");
        }
    }

    record ImportView(
            String id,
            String clientId,
            String kind,
            String fileName,
            String fileSha256,
            String sessionKey,
            String batchId,
            long read,
            long inserted,
            long updated,
            long unchanged,
            long rejected,
            long duplicatesInFile,
            Instant startedAt,
            Instant finishedAt) {
        static ImportView from(ImportRecord r) {
            var c = r.counts();
            return new ImportView(
                    r.id().toString(),
                    r.client().toString(),
                    r.kind().key(),
                    r.fileName(),
                    r.sha256(),
                    r.sessionKey().orElse(null),
                    r.batchId().orElse(null),
                    c.read(),
                    c.inserted(),
                    c.updated(),
                    c.unchanged(),
                    c.rejected(),
                    c.duplicatesInFile(),
                    r.startedAt(),
                    r.finishedAt());
        }
    }

    @Override
    public void register(Router router) {
        for (ProspectKind kind : ProspectKind.values()) {
            router.postStream("/api/v1/imports/" + kind.key(), limits.maxImportBytes(), r -> run(r, kind));
        }
        router.get(
                "/api/v1/imports",
                r -> Response.ok(
                        ListBody.of(imports.list(r.caller(), ProspectRoutes.client(r), r.page()), ImportView::from)));
        router.get(
                "/api/v1/imports/{id}",
                r -> Response.ok(ImportView.from(imports.get(r.caller(), r.pathId("id", "import")))));
        router.get(
                "/api/v1/imports/{id}/errors",
                r -> Response.ok(ListBody.of(
                        imports.errors(r.caller(), r.pathId("id", "import"), r.page()), ProblemView::from)));
    }

    private Response run(Request r, ProspectKind kind) {
        Summary summary = imports.run(new ImportProspectsUseCase.Command(
                r.caller(),
                ProspectRoutes.client(r),
                kind,
                r.query("file_name").orElse("upload.csv"),
                r.bodyStream(),
                Optional.empty(),
                r.query("session_key"),
                r.query("batch_id"),
                r.queryBoolean("dry_run").orElse(false),
                r.queryBoolean("force").orElse(false),
                encoding(r),
                delimiter(r),
                Map.of(),
                problem -> {},
                rows -> {}));
        return Response.ok(SummaryView.from(summary));
    }

    private static Charset encoding(Request r) {
        return switch (r.query("encoding").orElse("utf-8").toLowerCase(Locale.ROOT)) {
            case "utf-8", "utf8" -> StandardCharsets.UTF_8;
            case "windows-1251", "cp1251" -> Charset.forName("windows-1251");
            default -> throw new Invalid("encoding", "must be utf-8 or windows-1251");
        };
    }

    private static Optional<Character> delimiter(Request r) {
        return switch (r.query("delimiter").orElse("auto")) {
            case "auto" -> Optional.empty();
            case "," -> Optional.of(',');
            case ";" -> Optional.of(';');
            case "tab" -> Optional.of('\t');
            default -> throw new Invalid("delimiter", "must be auto, ',', ';' or tab");
        };
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/imports.json");
    }
}
