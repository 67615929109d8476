package io.columnline.adapters.cli.publishing;

import dagger.Lazy;
import io.columnline.adapters.cli.shared.CliCommand;
import io.columnline.application.publishing.port.in.ReleaseDossiersUseCase;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "release-due",
        mixinStandardHelpOptions = true,
        description = {
            "Release every scheduled dossier whose release date has come (in its client's time zone).",
            "A running server does this at least once a minute; this command does it now."
        })
final class ReleaseDueCommand implements CliCommand, Callable<Integer> {
    private final Lazy<ReleaseDossiersUseCase> releases;

    @Spec
    CommandSpec spec;

    @Inject
    ReleaseDueCommand(Lazy<ReleaseDossiersUseCase> releases) {
        this.releases = releases;
    }

    @Override
    public Integer call() {
        int released = releases.get().releaseDue();
        spec.commandLine().getOut().printf("released %d dossier%s%n", released, released == 1 ? "" : "s");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
