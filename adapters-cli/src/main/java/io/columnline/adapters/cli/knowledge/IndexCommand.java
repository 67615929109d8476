package io.columnline.adapters.cli.knowledge;

import dagger.Lazy;
import io.columnline.adapters.cli.shared.CliCommand;
import io.columnline.application.knowledge.port.in.SearchIndexUseCase;
import io.columnline.domain.error.Unavailable;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "index",
        description = "The search index: a copy of PostgreSQL's ready chunks under COLUMNLINE_HOME.",
        mixinStandardHelpOptions = true)
final class IndexCommand implements CliCommand {
    private final Lazy<SearchIndexUseCase> index;

    @Spec
    CommandSpec spec;

    @Inject
    IndexCommand(Lazy<SearchIndexUseCase> index) {
        this.index = index;
    }

    @Command(
            name = "rebuild",
            description = "Rebuild the search index from PostgreSQL. Starts a new index epoch, so every server on"
                    + " this database rebuilds its own index before its next search too.",
            mixinStandardHelpOptions = true)
    int rebuild() {
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        long indexed;
        try {
            indexed = index.get().rebuild(done -> {
                if (done % 10_000 == 0) {
                    out.printf("  %,d chunks indexed%n", done);
                    out.flush();
                }
            });
        } catch (Unavailable e) {
            out.println("A running server holds this index; a new epoch has started, so it rebuilds its index"
                    + " before its next search (GET /readyz says rebuilding meanwhile).");
            out.flush();
            return 0;
        } finally {
            index.get().close();
        }
        out.printf(
                "Rebuilt the search index: %,d chunks in %d ms%n", indexed, (System.nanoTime() - started) / 1_000_000);
        out.flush();
        return 0;
    }
}
