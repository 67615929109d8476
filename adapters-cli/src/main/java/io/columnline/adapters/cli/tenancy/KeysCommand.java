package io.columnline.adapters.cli.tenancy;

import dagger.Lazy;
import io.columnline.adapters.cli.shared.CliCommand;
import io.columnline.application.tenancy.port.in.ApiKeysUseCase;
import io.columnline.domain.access.ApiKeyId;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.error.Invalid;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "keys", description = "Issue and revoke API keys.", mixinStandardHelpOptions = true)
final class KeysCommand implements CliCommand {
    private final Lazy<ApiKeysUseCase> keys;

    @Spec
    CommandSpec spec;

    @Inject
    KeysCommand(Lazy<ApiKeysUseCase> keys) {
        this.keys = keys;
    }

    static final class Owner {
        @Option(names = "--client", paramLabel = "SLUG", description = "a key that sees only this client")
        String client;

        @Option(names = "--admin", description = "a key that sees every client")
        boolean admin;
    }

    @Command(name = "create", description = "Issue a key; the secret is printed once.", mixinStandardHelpOptions = true)
    int create(@ArgGroup(exclusive = true, multiplicity = "1") Owner owner) {
        var issued =
                keys.get().issueAsOperator(Optional.ofNullable(owner.client).map(ClientSlug::new));
        var out = spec.commandLine().getOut();
        out.printf(
                "id:     %s%nkey:    %s%nclient: %s%n(the key is shown only now; store it safely)%n",
                issued.id(),
                issued.secret(),
                issued.client().map(ClientSlug::value).orElse("(admin)"));
        out.flush();
        return 0;
    }

    @Command(name = "revoke", description = "Revoke a key by its id.", mixinStandardHelpOptions = true)
    int revoke(@Parameters(paramLabel = "KEY_ID") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new Invalid("KEY_ID", "'" + id + "' is not a key id (a UUID)");
        }
        keys.get().revokeAsOperator(new ApiKeyId(uuid));
        spec.commandLine().getOut().printf("revoked %s%n", id);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
