package io.columnline.adapters.cli;

/**
 * A top-level {@code columnline} subcommand: a picocli {@code @Command} object whose use cases are
 * resolved lazily, so {@code --help} never touches the database.
 */
public interface CliCommand {}
