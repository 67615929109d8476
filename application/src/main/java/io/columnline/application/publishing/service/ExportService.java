package io.columnline.application.publishing.service;

import io.columnline.application.publishing.port.in.ExportDossiersUseCase;
import io.columnline.application.publishing.port.in.ReadDossiersUseCase;
import io.columnline.application.publishing.port.out.Batches;
import io.columnline.application.publishing.port.out.DossierExports;
import io.columnline.application.publishing.port.out.DossierExports.ExportRow;
import io.columnline.application.publishing.port.out.DossierExports.SectionColumn;
import io.columnline.application.publishing.port.out.Dossiers;
import io.columnline.application.shared.Transactions;
import io.columnline.application.tenancy.port.in.ClientAccess;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.dossier.Dossier;
import io.columnline.domain.error.Invalid;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class ExportService implements ExportDossiersUseCase {
    static final List<String> DOSSIER_COLUMNS = List.of(
            "dossier_id",
            "status",
            "updated",
            "client",
            "company_name",
            "company_domain",
            "company_id",
            "pipeline_version",
            "batch",
            "release_date",
            "released_at",
            "supersedes_dossier_id",
            "superseded_by_dossier_id",
            "published_at");

    /**
     * The rows are read from the database on a thread of their own ({@link ReadAhead}), a few chunks
     * ahead of the rendering: at most {@code ROWS_PER_CHUNK * (CHUNKS_AHEAD + 2)} rows are held.
     */
    private static final int ROWS_PER_CHUNK = 256;

    private static final int CHUNKS_AHEAD = 4;

    private final DossierExports exports;
    private final ClientAccess clients;
    private final Batches batches;
    private final ListAccess lists;
    private final Transactions transactions;

    @Inject
    public ExportService(
            DossierExports exports,
            ClientAccess clients,
            Batches batches,
            ListAccess lists,
            Transactions transactions) {
        this.exports = exports;
        this.clients = clients;
        this.batches = batches;
        this.lists = lists;
        this.transactions = transactions;
    }

    @Override
    public CsvExport export(Caller caller, Query query) {
        return transactions.inTransaction(() -> {
            Client client = clients.named(caller, query.client())
                    .orElseThrow(() ->
                            new Invalid("client", "is required with an admin key: the slug of the client to export"));
            Dossiers.Query filter = DossierService.storageQuery(
                    caller,
                    ReadDossiersUseCase.Query.of(
                            Optional.of(client.id().toString()), query.batch(), query.list(), query.status()),
                    clients,
                    batches,
                    lists);
            List<SectionColumn> columns = exports.sectionColumns(filter);
            List<String> header = new ArrayList<>(DOSSIER_COLUMNS);
            columns.forEach(c -> header.add(c.header()));
            DossierExports.CONTACT_FIELDS.forEach(f -> header.add("contact." + f));
            String name = client.slug().value() + "-dossiers"
                    + query.batch().map(b -> "-" + b.strip()).orElse("") + ".csv";
            return new Export(name, header, filter, columns, client.slug().value());
        });
    }

    private final class Export implements CsvExport {
        private final String fileName;
        private final List<String> header;
        private final Dossiers.Query filter;
        private final List<SectionColumn> columns;
        private final String client;

        Export(
                String fileName,
                List<String> header,
                Dossiers.Query filter,
                List<SectionColumn> columns,
                String client) {
            this.fileName = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
            this.header = header;
            this.filter = filter;
            this.columns = columns;
            this.client = client;
        }

        @Override
        public String fileName() {
            return fileName;
        }

        @Override
        public long writeTo(OutputStream out) throws IOException {
            CsvWriter csv = new CsvWriter(out);
            csv.record(header);
            long rows = 0;
            // the rows of one dossier's contacts share everything up to the contact, rendered once
            List<String> shared = new ArrayList<>(header.size());
            ExportRow renderedFor = null;
            byte[] prefix = new byte[0];
            try (ReadAhead<ExportRow> read = ReadAhead.start(
                    "columnline-export-reader",
                    ROWS_PER_CHUNK,
                    CHUNKS_AHEAD,
                    sink -> transactions.run(() -> exports.forEachRow(filter, columns, sink)))) {
                while (read.hasNext()) {
                    ExportRow row = read.next();
                    if (renderedFor == null
                            || renderedFor.dossier() != row.dossier()
                            || renderedFor.sections() != row.sections()) {
                        shared.clear();
                        dossierCells(shared, row);
                        prefix = csv.prefix(
                                shared, row.sections().csv(), row.sections().count());
                        renderedFor = row;
                    }
                    csv.record(prefix, row.contact());
                    rows++;
                }
            }
            out.flush();
            return rows;
        }

        private void dossierCells(List<String> cells, ExportRow row) {
            Dossier d = row.dossier();
            cells.add(d.id().toString());
            cells.add(d.status().wire());
            cells.add(Boolean.toString(d.isUpdate()));
            cells.add(client);
            cells.add(d.company().name());
            cells.add(d.company().domain());
            cells.add(d.company().companyId().orElse(""));
            cells.add(d.pipelineVersion());
            cells.add(row.batchName());
            cells.add(text(d.releaseDate()));
            cells.add(d.releasedAt().isPresent() ? InstantText.of(d.releasedAt().get()) : "");
            cells.add(text(d.supersedes()));
            cells.add(text(d.supersededBy()));
            cells.add(InstantText.of(d.createdAt()));
        }

        /** Once per dossier: plain calls, where {@code Optional.map} gave the compiler more to inline. */
        private static String text(Optional<?> value) {
            return value.isPresent() ? value.get().toString() : "";
        }
    }
}
