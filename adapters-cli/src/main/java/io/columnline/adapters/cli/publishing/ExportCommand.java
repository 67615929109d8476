package io.columnline.adapters.cli.publishing;

import dagger.Lazy;
import io.columnline.adapters.cli.shared.CliCommand;
import io.columnline.application.publishing.port.in.ExportDossiersUseCase;
import io.columnline.domain.dossier.DossierStatus;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true, description = "Export data as files.")
final class ExportCommand implements CliCommand {
    private final Lazy<ExportDossiersUseCase> export;

    @Spec
    CommandSpec spec;

    @Inject
    ExportCommand(Lazy<ExportDossiersUseCase> export) {
        this.export = export;
    }

    @Command(
            name = "dossiers",
            mixinStandardHelpOptions = true,
            description = {
                "Export a client's dossiers as RFC 4180 CSV, streamed in constant memory.",
                "One row per contact of each dossier (one for a dossier without contacts): dossier and company columns",
                "first, then each section's top-level fields as section.field, then the contact's."
            })
    int dossiers(
            @Option(names = "--client", required = true, paramLabel = "SLUG", description = "the client") String client,
            @Option(
                            names = "--batch",
                            paramLabel = "BATCH",
                            description = "only this batch (name such as V2_20261122, or id)")
                    String batch,
            @Option(names = "--list", paramLabel = "LIST", description = "only dossiers on this list (name or id)")
                    String list,
            @Option(
                            names = "--status",
                            paramLabel = "STATUS",
                            description = "only scheduled, released or superseded dossiers")
                    String status,
            @Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of standard output")
                    Path out)
            throws IOException {
        var csv = export.get()
                .export(
                        OPERATOR,
                        new ExportDossiersUseCase.Query(
                                Optional.of(client),
                                Optional.ofNullable(batch),
                                Optional.ofNullable(list),
                                Optional.ofNullable(status).map(s -> DossierStatus.parse("--status", s))));
        if (out == null) {
            try (OutputStream console =
                    new DecodingOutputStream(spec.commandLine().getOut())) {
                csv.writeTo(new BufferedOutputStream(console, 1 << 16));
            }
            return 0;
        }
        // written next to the target and moved into place, so a failed export never leaves half a file
        Path target = out.toAbsolutePath();
        Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
        try {
            long rows;
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                rows = csv.writeTo(file);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            spec.commandLine().getErr().printf("exported %d row%s to %s%n", rows, rows == 1 ? "" : "s", target);
            spec.commandLine().getErr().flush();
            return 0;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }
}
