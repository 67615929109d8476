package io.columnline.adapters.cli.prospects;

import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Lazy;
import io.columnline.adapters.cli.shared.CliCommand;
import io.columnline.adapters.cli.shared.Output;
import io.columnline.application.prospects.port.in.ImportProspectsUseCase;
import io.columnline.application.prospects.port.in.ImportProspectsUseCase.Summary;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.prospect.ProspectKind;
import io.columnline.domain.prospect.RowProblem;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "import",
        description = "Load companies or contacts of a client from a CSV file.",
        mixinStandardHelpOptions = true,
        footer = {
            "",
            "Exit status: 0 every row imported, 2 some rows rejected (see the errors file), 1 nothing imported."
        })
final class ImportCommand implements CliCommand {
    static final int SOME_REJECTED = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Lazy<ImportProspectsUseCase> imports;

    @Spec
    CommandSpec spec;

    @Inject
    ImportCommand(Lazy<ImportProspectsUseCase> imports) {
        this.imports = imports;
    }

    /** The options both kinds share. */
    static final class Options {
        @Parameters(index = "0", paramLabel = "FILE", description = "the CSV file")
        Path file;

        @Option(names = "--client", required = true, paramLabel = "SLUG", description = "the client the rows belong to")
        String client;

        @Option(
                names = "--session-key",
                paramLabel = "K",
                description = "tags rows without one; part of the import's identity")
        String sessionKey;

        @Option(
                names = "--batch-id",
                paramLabel = "B",
                description = "tags companies without one; part of the import's identity")
        String batchId;

        @Option(names = "--dry-run", description = "check every row and report what would change; write nothing")
        boolean dryRun;

        @Option(
                names = "--force",
                description = "import even if this file was imported with the same session key and batch id")
        boolean force;

        @Option(
                names = "--errors",
                paramLabel = "FILE",
                description = "where rejected rows go (default: FILE.errors.csv)")
        Path errors;

        @Option(
                names = "--encoding",
                paramLabel = "UTF-8|windows-1251",
                defaultValue = "UTF-8",
                description = "the file's encoding (default UTF-8; a byte-order mark is fine)")
        String encoding;

        @Option(
                names = "--delimiter",
                paramLabel = "auto|,|;|tab",
                defaultValue = "auto",
                description = "the column separator (default: detected from the header)")
        String delimiter;

        @Option(names = "--map", paramLabel = "csv_column=field", description = "read a column as a field; repeatable")
        Map<String, String> mapping = new LinkedHashMap<>();

        @Option(
                names = "--format",
                paramLabel = "text|json",
                defaultValue = "text",
                description = "the summary as text or as one JSON object")
        String format;
    }

    @Command(
            name = "companies",
            description = "Import companies; a company is identified by tin, else registration_number.",
            mixinStandardHelpOptions = true)
    int companies(@picocli.CommandLine.Mixin Options options) {
        return run(ProspectKind.COMPANIES, options);
    }

    @Command(
            name = "contacts",
            description = "Import contacts; each finds its company by company_tin,"
                    + " company_registration_number, company_domain or company_name.",
            mixinStandardHelpOptions = true)
    int contacts(@picocli.CommandLine.Mixin Options options) {
        return run(ProspectKind.CONTACTS, options);
    }

    private int run(ProspectKind kind, Options options) {
        PrintWriter out = spec.commandLine().getOut();
        if (!"text".equals(options.format) && !"json".equals(options.format)) {
            throw new Invalid("--format", "must be text or json");
        }
        Charset encoding = encoding(options.encoding);
        Optional<Character> delimiter = delimiter(options.delimiter);
        Path file = options.file;
        if (!Files.isRegularFile(file)) {
            throw new Invalid("FILE", "'" + file + "' does not exist or is not a file");
        }
        String sha256 = sha256(file);
        Path errorsPath =
                options.errors != null ? options.errors : file.resolveSibling(file.getFileName() + ".errors.csv");
        long size = size(file);
        Progress progress = System.console() != null ? new Progress(size) : null;
        try (ErrorsFile errors = new ErrorsFile(errorsPath);
                var counting = new CountingStream(Files.newInputStream(file))) {
            if (progress != null) {
                progress.stream = counting;
            }
            Summary summary = imports.get()
                    .run(new ImportProspectsUseCase.Command(
                            OPERATOR,
                            Optional.of(new ClientSlug(options.client)),
                            kind,
                            file.getFileName().toString(),
                            counting,
                            Optional.of(sha256),
                            Optional.ofNullable(options.sessionKey),
                            Optional.ofNullable(options.batchId),
                            options.dryRun,
                            options.force,
                            encoding,
                            delimiter,
                            options.mapping,
                            errors,
                            progress == null ? rows -> {} : progress::show));
            if (progress != null) {
                progress.done();
            }
            print(out, options, kind, summary, errors.written() ? errorsPath : null);
            return summary.counts().rejected() > 0 && !summary.alreadyImported() ? SOME_REJECTED : 0;
        } catch (NoSuchFileException e) {
            throw new Invalid("FILE", "'" + file + "' does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private void print(PrintWriter out, Options options, ProspectKind kind, Summary s, Path errorsFile) {
        var c = s.counts();
        if ("json".equals(options.format)) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("read", c.read());
            json.put("inserted", c.inserted());
            json.put("updated", c.updated());
            json.put("unchanged", c.unchanged());
            json.put("rejected", c.rejected());
            json.put("duplicates_in_file", c.duplicatesInFile());
            json.put("rows_per_second", Math.round(s.rowsPerSecond()));
            json.put("import_id", s.importId().toString());
            json.put("dry_run", s.dryRun());
            json.put("already_imported", s.alreadyImported());
            json.put("ignored_columns", s.ignoredColumns());
            json.put("errors_file", errorsFile == null ? null : errorsFile.toString());
            try {
                out.println(JSON.writeValueAsString(json));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.flush();
            return;
        }
        if (s.alreadyImported()) {
            out.printf(
                    "already imported: %s was imported as %s with the same session key and batch id; use --force to import it again%n",
                    options.file.getFileName(), s.importId());
        } else {
            out.printf(
                    "%s %s of %s from %s (import %s)%n",
                    s.dryRun() ? "dry run, nothing written:" : "imported",
                    kind.key(),
                    options.client,
                    options.file.getFileName(),
                    s.importId());
        }
        out.printf(
                "  read %d, inserted %d, updated %d, unchanged %d, rejected %d, duplicates in file %d%n",
                c.read(), c.inserted(), c.updated(), c.unchanged(), c.rejected(), c.duplicatesInFile());
        if (!s.alreadyImported()) {
            out.printf("  %,d rows/s%n", Math.round(s.rowsPerSecond()));
        }
        if (!s.ignoredColumns().isEmpty()) {
            out.printf("  ignored columns (no such field): %s%n", String.join(", ", s.ignoredColumns()));
        }
        if (errorsFile != null) {
            out.printf("  rejected rows: %s%n", errorsFile);
        }
        out.flush();
    }

    static Charset encoding(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT).replace("_", "-")) {
            case "utf-8", "utf8" -> StandardCharsets.UTF_8;
            case "windows-1251", "cp1251" -> Charset.forName("windows-1251");
            default -> throw new Invalid("--encoding", "must be UTF-8 or windows-1251");
        };
    }

    static Optional<Character> delimiter(String text) {
        return switch (text) {
            case "auto" -> Optional.empty();
            case "," -> Optional.of(',');
            case ";" -> Optional.of(';');
            case "tab", "\t" -> Optional.of('\t');
            default -> throw new Invalid("--delimiter", "must be auto, ',', ';' or tab");
        };
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Rejected rows as CSV; the file appears only when there is a first one. */
    private static final class ErrorsFile implements Consumer<RowProblem>, AutoCloseable {
        private final Path path;
        private BufferedWriter writer;

        ErrorsFile(Path path) {
            this.path = path;
        }

        @Override
        public void accept(RowProblem p) {
            try {
                if (writer == null) {
                    writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
                    writer.write("line,column,value,reason\n");
                }
                writer.write(Output.csv(List.of(Long.toString(p.line()), p.column(), p.value(), p.reason())));
                writer.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("could not write " + path + ": " + e.getMessage(), e);
            }
        }

        boolean written() {
            return writer != null;
        }

        @Override
        public void close() throws IOException {
            if (writer != null) {
                writer.close();
            }
        }
    }

    private static final class CountingStream extends FilterInputStream {
        private volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** One status line on the terminal, rewritten in place: rows, rows/s and the time left. */
    private static final class Progress {
        private final long size;
        private final long started = System.nanoTime();
        private final PrintWriter err = new PrintWriter(System.err, true);
        CountingStream stream;

        Progress(long size) {
            this.size = size;
        }

        void show(long rows) {
            double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
            double done = size == 0 || stream == null ? 0 : Math.min(1.0, (double) stream.count / size);
            long eta = done <= 0 ? 0 : Math.round(seconds / done - seconds);
            int width = 30;
            int filled = (int) Math.round(done * width);
            err.printf(
                    "\r[%s%s] %3d%%  %,d rows  %,d rows/s  ETA %d:%02d ",
                    "#".repeat(filled),
                    " ".repeat(width - filled),
                    Math.round(done * 100),
                    rows,
                    Math.round(rows / seconds),
                    eta / 60,
                    eta % 60);
            err.flush();
        }

        void done() {
            err.print("\r" + " ".repeat(90) + "\r");
            err.flush();
        }
    }
}
