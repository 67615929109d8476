package io.columnline.app;

import io.columnline.adapters.cli.shared.CliCommand;
import io.columnline.domain.error.DomainException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
        name = "columnline",
        mixinStandardHelpOptions = true,
        version = "columnline 0.1.0",
        description = "The system of record for AI research pipelines run in Make.com.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command; returns the exit code (0 ok, 1 failure, 2 usage or partial failure). */
    public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        ColumnlineComponent component;
        try {
            component = ColumnlineComponent.create(Config.fromEnvironment(env));
        } catch (Config.ConfigException e) {
            err.println("columnline: " + e.getMessage());
            return 1;
        }
        // A plain `serve` starts PostgreSQL at once and skips reading the other commands' annotations
        // (a few hundred milliseconds of the start); it parses the same either way
        boolean plainServe = args.length == 1 && "serve".equals(args[0]);
        if (plainServe) {
            ServeCommand.prestart(component);
        }
        CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand(new ServeCommand(component));
        if (!plainServe) {
            cli.addSubcommand(new MigrateCommand(component));
            for (CliCommand command : component.commands()) {
                cli.addSubcommand(command);
            }
        }
        cli.setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((error, commandLine, parsed) -> {
            commandLine.getErr().println("columnline: " + message(error));
            return 1;
        });
        try {
            return cli.execute(args);
        } finally {
            // a command that searched releases the index (its lock) before the next one in this JVM
            component.searchIndex().get().close();
            component.lifecycle().close();
        }
    }

    private static String message(Exception error) {
        if (error instanceof DomainException) {
            return error.getMessage();
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
