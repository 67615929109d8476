package io.columnline.adapters.cli.shared;

import io.columnline.domain.access.ApiKeyId;
import io.columnline.domain.access.Caller;
import java.util.UUID;

/**
 * A top-level {@code columnline} subcommand: a picocli {@code @Command} object whose use cases are
 * resolved lazily, so {@code --help} never touches the database.
 */
public interface CliCommand {
    /** The console operator has the database itself, so acts with admin rights. */
    Caller OPERATOR = new Caller.Admin(new ApiKeyId(new UUID(0, 0)));
}
