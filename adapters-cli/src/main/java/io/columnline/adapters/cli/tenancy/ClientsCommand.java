package io.columnline.adapters.cli.tenancy;

import dagger.Lazy;
import io.columnline.adapters.cli.shared.CliCommand;
import io.columnline.adapters.cli.shared.Output;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tenancy.port.in.ReadClientsUseCase;
import io.columnline.application.tenancy.port.in.SaveClientUseCase;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientSlug;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "clients", description = "Create and list clients (tenants).", mixinStandardHelpOptions = true)
final class ClientsCommand implements CliCommand {
    private final Lazy<SaveClientUseCase> save;
    private final Lazy<ReadClientsUseCase> read;

    @Spec
    CommandSpec spec;

    @Inject
    ClientsCommand(Lazy<SaveClientUseCase> save, Lazy<ReadClientsUseCase> read) {
        this.save = save;
        this.read = read;
    }

    @Command(
            name = "create",
            description = "Create a client, or update its name and time zone.",
            mixinStandardHelpOptions = true)
    int create(
            @Parameters(paramLabel = "SLUG", description = "lower-case name used in URLs, e.g. acme") String slug,
            @Option(names = "--name", required = true, description = "display name") String name,
            @Option(names = "--timezone", description = "IANA time zone (default UTC)") String timezone,
            @Option(names = "--rerun-webhook-url", description = "where reruns are announced") String webhook) {
        var saved = save.get()
                .save(new SaveClientUseCase.Command(
                        OPERATOR, new ClientSlug(slug), name, timezone, null, null, null, webhook));
        spec.commandLine()
                .getOut()
                .printf(
                        "%s client %s (%s)%n",
                        saved.created() ? "created" : "updated",
                        saved.client().slug(),
                        saved.client().id());
        spec.commandLine().getOut().flush();
        return 0;
    }

    @Command(name = "list", description = "List every client.", mixinStandardHelpOptions = true)
    int list() {
        List<List<String>> rows = new ArrayList<>();
        Optional<io.columnline.application.shared.Cursor> cursor = Optional.empty();
        do {
            var page = read.get().list(OPERATOR, new PageRequest(PageRequest.MAX_LIMIT, cursor));
            for (Client c : page.items()) {
                rows.add(List.of(c.slug().value(), c.name(), c.timezone().getId(), c.id().toString()));
            }
            cursor = page.next();
        } while (cursor.isPresent());
        Output.table(spec.commandLine().getOut(), List.of("SLUG", "NAME", "TIMEZONE", "ID"), rows);
        return 0;
    }
}
