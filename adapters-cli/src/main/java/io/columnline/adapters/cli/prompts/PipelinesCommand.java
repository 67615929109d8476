package io.columnline.adapters.cli.prompts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dagger.Lazy;
import io.columnline.adapters.cli.shared.CliCommand;
import io.columnline.application.prompts.port.in.ReadPipelinesUseCase;
import io.columnline.application.prompts.port.in.SavePipelineUseCase;
import io.columnline.application.prompts.port.in.SavePromptUseCase;
import io.columnline.application.prompts.port.in.SaveSectionDefinitionUseCase;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.pipeline.Pipeline;
import io.columnline.domain.pipeline.PipelineDefinition;
import io.columnline.domain.pipeline.PipelineJson;
import io.columnline.domain.pipeline.PipelineVersion;
import io.columnline.domain.prompt.PromptSelector;
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
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "pipelines",
        mixinStandardHelpOptions = true,
        description = {
            "Keep pipeline definitions as code: one KEY.json (or KEY.yaml, KEY.yml) file per pipeline,",
            "the same body as PUT /api/v1/pipelines/{key} takes (without labels). Beside them, a sections/",
            "folder of KEY.json section definitions and a prompts/ folder of KEY.prompt files go in the same push."
        })
final class PipelinesCommand implements CliCommand {
    private static final String EXTENSION = ".json";
    /** Pipeline files may be JSON or YAML; both read into the same tree, so they save the same version. */
    private static final List<String> EXTENSIONS = List.of(".json", ".yaml", ".yml");

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private static final String SECTIONS = "sections";
    private static final String PROMPTS = "prompts";

    private final Lazy<SavePipelineUseCase> save;
    private final Lazy<ReadPipelinesUseCase> read;
    private final Lazy<SaveSectionDefinitionUseCase> sections;
    private final Lazy<SavePromptUseCase> prompts;

    @Spec
    CommandSpec spec;

    @Inject
    PipelinesCommand(
            Lazy<SavePipelineUseCase> save,
            Lazy<ReadPipelinesUseCase> read,
            Lazy<SaveSectionDefinitionUseCase> sections,
            Lazy<SavePromptUseCase> prompts) {
        this.save = save;
        this.read = read;
        this.sections = sections;
        this.prompts = prompts;
    }

    /** A section definition file: the body of {@code PUT /api/v1/section-definitions/{key}}. */
    record Section(String title, Integer position, String writerPromptKey, Boolean required, JsonNode schema) {}

    @Command(
            name = "push",
            mixinStandardHelpOptions = true,
            description = {
                "Save every KEY.json, KEY.yaml or KEY.yml file in DIR as a version of pipeline KEY and report",
                "which changed.",
                "Every file is read and checked first: when one is refused, none is saved.",
                "A file equal to the pipeline's newest version changes nothing, so pushing twice is safe.",
                "DIR/sections/KEY.json (section definitions) and DIR/prompts/KEY.prompt (prompts, as",
                "'prompts push' reads them) are pushed with the pipelines, so one push makes an install ready:",
                "prompts first (all or none), then sections, then pipelines."
            })
    int push(
            @Parameters(paramLabel = "DIR", description = "folder with the .json, .yaml or .yml files") Path dir,
            @Option(
                            names = "--label",
                            paramLabel = "LABEL",
                            description = "also put this label on every pushed version")
                    List<String> labels) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> problems = new ArrayList<>();
        List<SavePipelineUseCase.Draft> drafts = new ArrayList<>();
        java.util.Map<String, String> seen = new java.util.HashMap<>();
        for (Path file : files(dir)) {
            String name = file.getFileName().toString();
            String extension = extension(name);
            String key = name.substring(0, name.length() - extension.length());
            String other = seen.putIfAbsent(key, name);
            if (other != null) {
                problems.add(name + ": pipeline " + key + " is in " + other + " too; keep one file per pipeline");
                continue;
            }
            try {
                ObjectMapper reader = extension.equals(EXTENSION) ? JSON : YAML;
                JsonNode tree = reader.readTree(Files.readString(file, StandardCharsets.UTF_8));
                if (tree == null || !tree.isObject()) {
                    problems.add(name + ": must hold one " + (reader == JSON ? "JSON" : "YAML") + " object");
                    continue;
                }
                JsonDocument document = canonical(tree);
                var draft = new SavePipelineUseCase.Draft(
                        key, PipelineJson.draft(document), document, labels == null ? List.of() : labels);
                PipelineDefinition.check(draft.definition());
                drafts.add(draft);
            } catch (Invalid e) {
                e.violations().forEach(v -> problems.add(name + ": " + v.field() + " " + v.message()));
            } catch (IOException e) {
                problems.add(name + ": " + e.getMessage().lines().findFirst().orElse("cannot be read"));
            }
        }
        List<SaveSectionDefinitionUseCase.Command> sectionDrafts = sectionDrafts(dir.resolve(SECTIONS), problems);
        List<SavePromptUseCase.Draft> promptDrafts =
                promptDrafts(dir.resolve(PROMPTS), labels == null ? List.of() : labels, problems);
        if (problems.isEmpty() && !promptDrafts.isEmpty()) {
            try {
                for (var saved : prompts.get().saveAll(OPERATOR, promptDrafts)) {
                    String state = saved.created() ? "created" : saved.newVersion() ? "updated" : "unchanged";
                    out.println(String.format(
                            "%-9s  prompt %-33s  v%d",
                            state, saved.version().key(), saved.version().version()));
                }
            } catch (Invalid e) {
                for (var v : e.violations()) {
                    String file = SavePromptUseCase.draftIndex(v)
                            .map(i -> PROMPTS + "/" + promptDrafts.get(i).key() + PromptFile.EXTENSION)
                            .orElse(PROMPTS);
                    problems.add(file + ": " + v.field() + " " + v.message());
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("columnline: " + p));
            err.println("columnline: nothing was pushed; fix the files above and push again");
            err.flush();
            return 1;
        }
        for (var section : sectionDrafts) {
            try {
                var saved = sections.get().save(section);
                out.println(String.format(
                        "%-9s  section %s",
                        saved.created() ? "created" : "saved",
                        saved.definition().key()));
            } catch (Invalid e) {
                e.violations()
                        .forEach(v -> err.println("columnline: " + SECTIONS + "/" + section.key() + ".json: "
                                + v.field() + " " + v.message()));
                err.println("columnline: the prompts and the sections above were pushed, no pipeline was;"
                        + " fix the file and push again");
                err.flush();
                return 1;
            }
        }
        int created = 0;
        int unchanged = 0;
        for (var draft : drafts) {
            var saved = save.get().save(OPERATOR, draft);
            String state = saved.newVersion() ? (saved.version().version() == 1 ? "created" : "updated") : "unchanged";
            created += saved.newVersion() ? 1 : 0;
            unchanged += saved.newVersion() ? 0 : 1;
            out.println(String.format(
                    "%-9s  %-40s  v%d", state, draft.key(), saved.version().version()));
        }
        out.printf(
                "pushed %d pipelines from %s: %d new versions, %d unchanged; %d sections, %d prompts%n",
                drafts.size(), dir, created, unchanged, sectionDrafts.size(), promptDrafts.size());
        out.flush();
        return 0;
    }

    @Command(
            name = "pull",
            mixinStandardHelpOptions = true,
            description = {
                "Write every pipeline to DIR as KEY.json, or KEY.yaml with --format yaml (the newest version,",
                "or the one --label names)."
            })
    int pull(
            @Parameters(paramLabel = "DIR", description = "folder to write to; created when missing") Path dir,
            @Option(
                            names = "--label",
                            paramLabel = "LABEL",
                            defaultValue = "latest",
                            description = "default: ${DEFAULT-VALUE}")
                    String label,
            @Option(
                            names = "--format",
                            paramLabel = "FORMAT",
                            defaultValue = "json",
                            description = "json or yaml (default: ${DEFAULT-VALUE})")
                    String format) {
        if (!format.equals("json") && !format.equals("yaml")) {
            throw new Invalid("--format", "must be json or yaml");
        }
        String extension = format.equals("json") ? EXTENSION : ".yaml";
        PrintWriter out = spec.commandLine().getOut();
        PromptSelector selector = PromptSelector.of(label, null);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        int written = 0;
        Optional<Cursor> cursor = Optional.empty();
        do {
            var page = read.get().list(OPERATOR, new PageRequest(PageRequest.MAX_LIMIT, cursor));
            for (Pipeline pipeline : page.items()) {
                PipelineVersion version;
                try {
                    version = read.get().get(OPERATOR, pipeline.key(), selector).version();
                } catch (NotFound e) {
                    out.printf("skipped    %s: it has no label %s%n", pipeline.key(), label);
                    continue;
                }
                write(dir.resolve(pipeline.key().value() + extension), version.definition());
                out.printf("wrote      %s%s  v%d%n", pipeline.key(), extension, version.version());
                written++;
            }
            cursor = page.next();
        } while (cursor.isPresent());
        out.printf("pulled %d pipelines into %s%n", written, dir);
        out.flush();
        return 0;
    }

    /** Keys sorted at every level, no whitespace: the same text the HTTP API stores. */
    private static JsonDocument canonical(JsonNode node) {
        try {
            return new JsonDocument(JSON.writer()
                    .without(SerializationFeature.INDENT_OUTPUT)
                    .with(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
                    .writeValueAsString(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The section definition files of {@code folder}, read and checked for their fields; none without one. */
    private static List<SaveSectionDefinitionUseCase.Command> sectionDrafts(Path folder, List<String> problems) {
        List<SaveSectionDefinitionUseCase.Command> drafts = new ArrayList<>();
        for (Path file : optionalFiles(folder, EXTENSION)) {
            String name = SECTIONS + "/" + file.getFileName();
            String key = file.getFileName().toString().replaceFirst("\\.json$", "");
            try {
                Section s = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), Section.class);
                if (s == null) {
                    problems.add(name + ": must hold one JSON object");
                    continue;
                }
                if (s.schema() == null || !s.schema().isObject()) {
                    problems.add(name + ": schema must be a JSON Schema object");
                    continue;
                }
                drafts.add(new SaveSectionDefinitionUseCase.Command(
                        OPERATOR,
                        key,
                        s.title(),
                        s.position(),
                        s.writerPromptKey(),
                        s.required(),
                        canonical(s.schema())));
            } catch (IOException e) {
                problems.add(name + ": " + e.getMessage().lines().findFirst().orElse("cannot be read"));
            }
        }
        return drafts;
    }

    private static List<SavePromptUseCase.Draft> promptDrafts(Path folder, List<String> labels, List<String> problems) {
        List<SavePromptUseCase.Draft> drafts = new ArrayList<>();
        for (Path file : optionalFiles(folder, PromptFile.EXTENSION)) {
            String name = file.getFileName().toString();
            try {
                PromptFile prompt = PromptFile.parse(name, Files.readString(file, StandardCharsets.UTF_8));
                drafts.add(new SavePromptUseCase.Draft(
                        prompt.key(), prompt.template(), prompt.model().orElse(null), prompt.params(), labels));
            } catch (PromptFile.Unreadable e) {
                problems.add(PROMPTS + "/" + name + ": " + e.getMessage());
            } catch (IOException e) {
                problems.add(PROMPTS + "/" + name + ": cannot be read: " + e.getMessage());
            }
        }
        return drafts;
    }

    /** The files of a folder that may be missing, sorted. */
    private static List<Path> optionalFiles(Path folder, String extension) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p ->
                            Files.isRegularFile(p) && p.getFileName().toString().endsWith(extension))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new Invalid("DIR", "'" + dir + "' is not a folder");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> files = entries.filter(p -> Files.isRegularFile(p)
                            && !extension(p.getFileName().toString()).isEmpty())
                    .sorted()
                    .toList();
            if (files.isEmpty()) {
                throw new Invalid("DIR", "'" + dir + "' holds no .json, .yaml or .yml files");
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pipeline file extension the name ends with, or "" for another file. */
    private static String extension(String name) {
        return EXTENSIONS.stream().filter(name::endsWith).findFirst().orElse("");
    }

    private static void write(Path target, JsonDocument definition) {
        try {
            JsonNode tree = JSON.readTree(definition.text());
            String text = target.getFileName().toString().endsWith(EXTENSION)
                    ? JSON.writeValueAsString(tree) + "\n"
                    : YAML.writeValueAsString(tree);
            Path temp = Files.createTempFile(target.getParent(), ".pull-", ".json.tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
