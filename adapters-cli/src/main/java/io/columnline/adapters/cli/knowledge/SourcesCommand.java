package io.columnline.adapters.cli.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dagger.Lazy;
import io.columnline.adapters.cli.shared.CliCommand;
import io.columnline.adapters.cli.shared.Output;
import io.columnline.application.knowledge.port.in.ProcessSourcesUseCase;
import io.columnline.application.knowledge.port.in.ReembedUseCase;
import io.columnline.application.knowledge.port.in.SourcesUseCase;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.Source;
import io.columnline.domain.knowledge.SourceId;
import io.columnline.domain.knowledge.SourceStatus;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "sources",
        description = "Register, list, show, delete and re-embed a client's context sources.",
        mixinStandardHelpOptions = true)
final class SourcesCommand implements CliCommand {
    static final Map<String, String> CONTENT_TYPES = Map.of(
            "txt", "text/plain",
            "text", "text/plain",
            "md", "text/markdown",
            "markdown", "text/markdown",
            "csv", "text/csv",
            "pdf", "application/pdf",
            "json", "application/json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Lazy<SourcesUseCase> sources;
    private final Lazy<ProcessSourcesUseCase> processing;
    private final Lazy<ReembedUseCase> reembed;

    @Spec
    CommandSpec spec;

    @Inject
    SourcesCommand(Lazy<SourcesUseCase> sources, Lazy<ProcessSourcesUseCase> processing, Lazy<ReembedUseCase> reembed) {
        this.sources = sources;
        this.processing = processing;
        this.reembed = reembed;
    }

    @Command(
            name = "add",
            description = "Add files, or folders of them (recursively: .txt .md .csv .pdf .json), and process them."
                    + " A file's key is its path under the folder given (or --key for one file); changed"
                    + " content under a key is its next version.",
            mixinStandardHelpOptions = true)
    int add(
            @Parameters(paramLabel = "PATH", arity = "1..*", description = "files or folders") List<Path> paths,
            @Option(names = "--client", required = true, description = "client slug") String client,
            @Option(names = "--key", description = "the key (a prefix of the keys, for a folder)") String key,
            @Option(names = "--metadata", description = "a JSON object kept with every source") String metadata) {
        PrintWriter out = spec.commandLine().getOut();
        Optional<JsonDocument> meta = Optional.ofNullable(metadata).map(SourcesCommand::metadata);
        List<Path[]> files = files(paths);
        int added = 0;
        int unchanged = 0;
        int versions = 0;
        int skipped = 0;
        List<SourceId> waiting = new ArrayList<>();
        java.util.Set<SourceId> newVersions = new java.util.HashSet<>();
        for (Path[] file : files) {
            String contentType = contentType(file[0]);
            if (contentType == null) {
                skipped++;
                continue;
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file[0]);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file[0], e);
            }
            String relative = file[1].relativize(file[0]).toString().replace('\\', '/');
            String sourceKey = key == null ? relative : (files.size() == 1 ? key : key + "/" + relative);
            if (sourceKey.isEmpty()) {
                sourceKey = file[0].getFileName().toString();
            }
            if (bytes.length == 0) {
                out.printf("skipped %s: the file is empty%n", file[0]);
                skipped++;
                continue;
            }
            SourcesUseCase.Added result = sources.get()
                    .add(new SourcesUseCase.Command(
                            OPERATOR,
                            Optional.of(new ClientSlug(client)),
                            Optional.of(sourceKey),
                            Optional.of(file[0].getFileName().toString()),
                            Optional.empty(),
                            contentType,
                            bytes,
                            meta));
            if (!result.created()) {
                unchanged++;
            } else if (result.source().version() > 1) {
                versions++;
                waiting.add(result.source().id());
                newVersions.add(result.source().id());
            } else {
                added++;
                waiting.add(result.source().id());
            }
        }
        int failed = 0;
        int done = 0;
        for (SourceId id : waiting) {
            while (processing.get().processNext()) {
                // this process works the queue too: no server needs to run
            }
            Source source = sources.get().await(OPERATOR, id, Duration.ofMinutes(10));
            done++;
            if (source.status() == SourceStatus.ERROR) {
                // a failure is counted as one, not also as added or as a new version
                failed++;
                if (newVersions.contains(id)) {
                    versions--;
                } else {
                    added--;
                }
                out.printf("failed %s: %s%n", source.name(), source.error().orElse(""));
            }
            if (System.console() != null) {
                spec.commandLine().getErr().printf("\rprocessed %d of %d", done, waiting.size());
                spec.commandLine().getErr().flush();
            }
        }
        if (System.console() != null && !waiting.isEmpty()) {
            spec.commandLine().getErr().println();
        }
        out.printf(
                "added %d, unchanged %d, new versions %d, failed %d, skipped %d%n",
                added, unchanged, versions, failed, skipped);
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    @Command(
            name = "reembed",
            description = "Give the client's chunks vectors of the embedder configured now (after a model change),"
                    + " in batches, while the server keeps serving; chunks that have one are skipped, so it"
                    + " can be stopped and run again. Other models' vectors are kept.",
            mixinStandardHelpOptions = true)
    int reembed(
            @Option(names = "--client", required = true, description = "client slug") String client,
            @Option(names = "--batch", defaultValue = "64", description = "chunks embedded at a time (default 64)")
                    int batch) {
        if (batch < 1 || batch > 1024) {
            throw new ParameterException(spec.commandLine(), "--batch must be 1 to 1024");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<ClientSlug> slug = Optional.of(new ClientSlug(client));
        ReembedUseCase.Progress progress = reembed.get().progress(OPERATOR, slug);
        long before = progress.embedded();
        boolean terminal = System.console() != null;
        long started = System.nanoTime();
        while (!progress.finished()) {
            ReembedUseCase.Progress next = reembed.get().reembedSome(OPERATOR, slug, batch);
            if (next.embedded() <= progress.embedded() && !next.finished()) {
                out.printf(
                        "stopped: %d of %d chunks have %s vectors and the last batch added none%n",
                        next.embedded(), next.chunks(), next.model());
                return 1;
            }
            progress = next;
            if (terminal) {
                err.print("\r" + bar(progress, started));
                err.flush();
            }
        }
        if (terminal && progress.embedded() > before) {
            err.println();
        }
        out.printf(
                "%s: %d of %d chunks have %s vectors (%d embedded now)%n",
                client, progress.embedded(), progress.chunks(), progress.model(), progress.embedded() - before);
        out.flush();
        return 0;
    }

    private static String bar(ReembedUseCase.Progress p, long started) {
        int width = 30;
        double share = p.chunks() == 0 ? 1 : (double) p.embedded() / p.chunks();
        int filled = (int) Math.round(share * width);
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        return String.format(
                        Locale.ROOT,
                        "[%s%s] %d/%d chunks %3.0f%%",
                        "#".repeat(filled),
                        " ".repeat(width - filled),
                        p.embedded(),
                        p.chunks(),
                        share * 100)
                + String.format(Locale.ROOT, " (%.1f s)", seconds);
    }

    @Command(name = "list", description = "List context sources, oldest first.", mixinStandardHelpOptions = true)
    int list(
            @Option(names = "--client", description = "client slug (default: every client)") String client,
            @Option(names = "--status", description = "pending, processing, ready or error") String status,
            @Option(names = "--type", description = "text, markdown, csv, pdf or json") String type,
            @Option(names = "--key", description = "only this key's versions") String key) {
        List<List<String>> rows = new ArrayList<>();
        Optional<Cursor> cursor = Optional.empty();
        do {
            var page = sources.get()
                    .list(
                            OPERATOR,
                            new SourcesUseCase.ListQuery(
                                    Optional.ofNullable(client),
                                    Optional.ofNullable(status),
                                    Optional.ofNullable(type),
                                    Optional.ofNullable(key)),
                            new PageRequest(PageRequest.MAX_LIMIT, cursor));
            for (Source s : page.items()) {
                rows.add(List.of(
                        s.id().toString(),
                        s.key().orElse(""),
                        Integer.toString(s.version()),
                        s.type().key(),
                        s.status().key(),
                        Integer.toString(s.chunkCount()),
                        s.tokenCount().map(String::valueOf).orElse(""),
                        s.name()));
            }
            cursor = page.next();
        } while (cursor.isPresent());
        Output.table(
                spec.commandLine().getOut(),
                List.of("ID", "KEY", "VERSION", "TYPE", "STATUS", "CHUNKS", "TOKENS", "NAME"),
                rows);
        return 0;
    }

    @Command(name = "show", description = "Show one source.", mixinStandardHelpOptions = true)
    int show(@Parameters(paramLabel = "ID") String id) {
        Source s = sources.get().get(OPERATOR, id(id));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("id            %s%n", s.id());
        out.printf("client        %s%n", s.client());
        out.printf("key           %s%n", s.key().orElse(""));
        out.printf("version       %d%n", s.version());
        out.printf("name          %s%n", s.name());
        out.printf("type          %s (%s, %d bytes)%n", s.type().key(), s.contentType(), s.sizeBytes());
        out.printf("sha256        %s%n", s.sha256());
        out.printf("status        %s%n", s.status().key());
        s.error().ifPresent(e -> out.printf("error         %s%n", e));
        out.printf("chunks        %d%n", s.chunkCount());
        out.printf("tokens        %s%n", s.tokenCount().map(String::valueOf).orElse(""));
        out.printf("created_at    %s%n", s.createdAt());
        out.printf("processed_at  %s%n", s.processedAt().map(Object::toString).orElse(""));
        out.printf("metadata      %s%n", s.metadata().text());
        out.flush();
        return 0;
    }

    @Command(name = "rm", description = "Delete a source with its chunks and vectors.", mixinStandardHelpOptions = true)
    int rm(@Parameters(paramLabel = "ID") String id) {
        sources.get().delete(OPERATOR, id(id));
        spec.commandLine().getOut().printf("deleted source %s%n", id);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private SourceId id(String text) {
        try {
            return new SourceId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "not a source id: " + text);
        }
    }

    /** Each file with the root its key is relative to (the folder given, or the file's own folder). */
    private List<Path[]> files(List<Path> paths) {
        List<Path[]> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(f -> files.add(new Path[] {f, path}));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the folder " + path, e);
                }
            } else if (Files.isRegularFile(path)) {
                Path parent = path.toAbsolutePath().getParent();
                files.add(new Path[] {path.toAbsolutePath(), parent});
            } else {
                throw new ParameterException(spec.commandLine(), "no such file or folder: " + path);
            }
        }
        return files;
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : CONTENT_TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static JsonDocument metadata(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("--metadata must be a JSON object");
            }
            return new JsonDocument(
                    JSON.writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED).writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("--metadata is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
