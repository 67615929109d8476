package io.columnline.adapters.cli.prompts;

import dagger.Lazy;
import io.columnline.adapters.cli.shared.CliCommand;
import io.columnline.adapters.cli.shared.Output;
import io.columnline.application.prompts.port.in.ReadPromptsUseCase;
import io.columnline.application.prompts.port.in.SavePromptUseCase;
import io.columnline.application.prompts.port.in.SavePromptUseCase.Draft;
import io.columnline.application.prompts.port.in.SavePromptUseCase.Saved;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.error.Violation;
import io.columnline.domain.prompt.Prompt;
import io.columnline.domain.prompt.PromptKey;
import io.columnline.domain.prompt.PromptLabel;
import io.columnline.domain.prompt.PromptSelector;
import io.columnline.domain.prompt.PromptVersion;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "prompts",
        mixinStandardHelpOptions = true,
        description = {
            "Keep prompts as code: one KEY.prompt file per prompt, a short header for the model and its",
            "parameters, the template below. See 'prompts push --help' for the format."
        })
final class PromptsCommand implements CliCommand {
    private final Lazy<SavePromptUseCase> save;
    private final Lazy<ReadPromptsUseCase> read;

    @Spec
    CommandSpec spec;

    @Inject
    PromptsCommand(Lazy<SavePromptUseCase> save, Lazy<ReadPromptsUseCase> read) {
        this.save = save;
        this.read = read;
    }

    @Command(
            name = "push",
            mixinStandardHelpOptions = true,
            description = {
                "Upload every KEY.prompt file in DIR, all or none, and report which changed.",
                "A file whose content equals the prompt's newest version changes nothing, so pushing twice is safe.",
                "",
                "File format (the header is optional):",
                "  ---",
                "  model: gpt-4.1-mini",
                "  params: {\"temperature\": 0.2, \"max_tokens\": 4000}",
                "  ---",
                "  Research {{company_name}} ...",
                "",
                "A prompt's first version is labelled production; later versions only get the labels given with --label."
            })
    int push(
            @Parameters(paramLabel = "DIR", description = "folder with the .prompt files") Path dir,
            @Option(
                            names = "--label",
                            paramLabel = "LABEL",
                            description =
                                    "also put this label on every pushed version, e.g. --label production (repeatable)")
                    List<String> labels) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (labels != null) {
            labels.forEach(label -> PromptLabel.movable("--label", label));
        }
        List<Path> files = promptFiles(dir);
        List<String> problems = new ArrayList<>();
        List<Draft> drafts = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                PromptFile prompt = PromptFile.parse(name, Files.readString(file, StandardCharsets.UTF_8));
                drafts.add(new Draft(
                        prompt.key(),
                        prompt.template(),
                        prompt.model().orElse(null),
                        prompt.params(),
                        labels == null ? List.of() : labels));
            } catch (PromptFile.Unreadable e) {
                problems.add(name + ": " + e.getMessage());
            } catch (IOException e) {
                problems.add(name + ": cannot be read: " + e.getMessage());
            }
        }
        if (problems.isEmpty()) {
            try {
                List<Saved> saved = save.get().saveAll(OPERATOR, drafts);
                report(out, dir, saved);
                return 0;
            } catch (Invalid e) {
                for (Violation v : e.violations()) {
                    Optional<Integer> index = SavePromptUseCase.draftIndex(v);
                    String field =
                            index.isPresent() ? v.field().substring(v.field().indexOf("].") + 2) : v.field();
                    String file = index.map(i -> files.get(i).getFileName().toString())
                            .orElse(dir.toString());
                    problems.add(file + ": " + ("key".equals(field) ? "the file name " : field + " ") + v.message());
                }
            }
        }
        problems.forEach(p -> err.println("columnline: " + p));
        err.println("columnline: nothing was pushed; fix the files above and push again");
        err.flush();
        return 1;
    }

    private static void report(PrintWriter out, Path dir, List<Saved> saved) {
        int created = 0;
        int updated = 0;
        for (Saved s : saved) {
            PromptVersion v = s.version();
            String state = s.created() ? "created" : s.newVersion() ? "updated" : "unchanged";
            created += s.created() ? 1 : 0;
            updated += s.newVersion() && !s.created() ? 1 : 0;
            var line = new StringBuilder(String.format("%-9s  %-40s  v%d", state, v.key(), v.version()));
            if (!s.movedLabels().isEmpty()) {
                line.append("  labelled ")
                        .append(s.movedLabels().stream().map(PromptLabel::value).collect(Collectors.joining(", ")));
            }
            Integer production = s.prompt().labels().get(PromptLabel.PRODUCTION);
            if (s.newVersion() && production != null && production != v.version()) {
                line.append("  (production is v")
                        .append(production)
                        .append("; push with --label production to release it)");
            }
            out.println(line);
        }
        out.printf(
                "pushed %d prompts from %s: %d created, %d updated, %d unchanged%n",
                saved.size(), dir, created, updated, saved.size() - created - updated);
        out.flush();
    }

    @Command(
            name = "pull",
            mixinStandardHelpOptions = true,
            description = {
                "Write every prompt to DIR as KEY.prompt (the newest version, or the one --label names).",
                "Files that already hold the same content are left alone."
            })
    int pull(
            @Parameters(paramLabel = "DIR", description = "folder to write to; created when missing") Path dir,
            @Option(
                            names = "--label",
                            paramLabel = "LABEL",
                            defaultValue = "latest",
                            description =
                                    "which version to write: a label such as production (default: ${DEFAULT-VALUE})")
                    String label) {
        PrintWriter out = spec.commandLine().getOut();
        PromptSelector selector = PromptSelector.of(label, null);
        createDirectories(dir);
        int written = 0;
        int unchanged = 0;
        int skipped = 0;
        Optional<Cursor> cursor = Optional.empty();
        do {
            var page = read.get().list(OPERATOR, new PageRequest(PageRequest.MAX_LIMIT, cursor));
            for (Prompt prompt : page.items()) {
                PromptVersion version;
                try {
                    version = read.get().get(OPERATOR, prompt.key(), selector).version();
                } catch (NotFound e) {
                    out.printf("skipped    %s: it has no label %s%n", prompt.key(), label);
                    skipped++;
                    continue;
                }
                if (write(dir, version)) {
                    out.printf("wrote      %s%s  v%d%n", prompt.key(), PromptFile.EXTENSION, version.version());
                    written++;
                } else {
                    out.printf("unchanged  %s%s  v%d%n", prompt.key(), PromptFile.EXTENSION, version.version());
                    unchanged++;
                }
            }
            cursor = page.next();
        } while (cursor.isPresent());
        out.printf(
                "pulled %d prompts into %s: %d written, %d unchanged%s%n",
                written + unchanged,
                dir,
                written,
                unchanged,
                skipped == 0 ? "" : ", " + skipped + " without label " + label);
        out.flush();
        return 0;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List every prompt with the version each label names.")
    int list() {
        List<List<String>> rows = new ArrayList<>();
        Optional<Cursor> cursor = Optional.empty();
        do {
            var page = read.get().list(OPERATOR, new PageRequest(PageRequest.MAX_LIMIT, cursor));
            for (Prompt p : page.items()) {
                rows.add(List.of(
                        p.key().value(),
                        Integer.toString(p.latestVersion()),
                        p.allLabels().entrySet().stream()
                                .map(e -> e.getKey().value() + "=v" + e.getValue())
                                .collect(Collectors.joining(" "))));
            }
            cursor = page.next();
        } while (cursor.isPresent());
        Output.table(spec.commandLine().getOut(), List.of("KEY", "LATEST", "LABELS"), rows);
        return 0;
    }

    @Command(
            name = "label",
            mixinStandardHelpOptions = true,
            description =
                    "Point a label at a version, e.g. 'prompts label writer.overview production 3' (rolling back is moving it back).")
    int label(
            @Parameters(index = "0", paramLabel = "KEY") String key,
            @Parameters(index = "1", paramLabel = "LABEL") String label,
            @Parameters(index = "2", paramLabel = "VERSION") int version) {
        Prompt prompt = save.get().moveLabel(OPERATOR, new PromptKey(key), label, version);
        spec.commandLine().getOut().printf("%s: %s now names v%d%n", prompt.key(), label, version);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static List<Path> promptFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new Invalid("DIR", "'" + dir + "' is not a folder");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> files = entries.filter(p ->
                            Files.isRegularFile(p) && p.getFileName().toString().endsWith(PromptFile.EXTENSION))
                    .sorted()
                    .toList();
            if (files.isEmpty()) {
                throw new Invalid("DIR", "'" + dir + "' holds no " + PromptFile.EXTENSION + " files");
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the file unless it already holds this text; replaces it atomically. */
    private static boolean write(Path dir, PromptVersion version) {
        var file = new PromptFile(
                version.key().value(),
                version.content().model(),
                version.content().modelParams(),
                version.content().template().text());
        Path target = dir.resolve(version.key().value() + PromptFile.EXTENSION);
        String text = file.render();
        try {
            if (Files.isRegularFile(target)
                    && Files.readString(target, StandardCharsets.UTF_8).equals(text)) {
                return false;
            }
            Path temp = Files.createTempFile(dir, ".pull-", PromptFile.EXTENSION + ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }
}
