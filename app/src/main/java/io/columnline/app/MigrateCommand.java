package io.columnline.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "migrate",
        description = "Bring the database schema up to date, then exit.",
        mixinStandardHelpOptions = true)
final class MigrateCommand implements Callable<Integer> {
    private final ColumnlineComponent component;

    @Spec
    CommandSpec spec;

    MigrateCommand(ColumnlineComponent component) {
        this.component = component;
    }

    @Override
    public Integer call() {
        var runtime = component.lifecycle().database();
        spec.commandLine()
                .getOut()
                .printf(
                        "schema of %s is at version %s%n",
                        runtime.description(),
                        runtime.database().schemaVersion().orElse("(none)"));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
