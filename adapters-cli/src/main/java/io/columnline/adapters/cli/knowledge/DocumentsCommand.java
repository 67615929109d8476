package io.columnline.adapters.cli.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dagger.Lazy;
import io.columnline.adapters.cli.shared.CliCommand;
import io.columnline.application.knowledge.port.in.DocumentsUseCase;
import io.columnline.domain.Key;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.knowledge.KnowledgeDocument;
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
        name = "documents",
        mixinStandardHelpOptions = true,
        description = {
            "Keep a client's knowledge documents as files: one KEY.md per document (p1.md … p6.md for the",
            "Matrice pillars, icp_config.md, industry_research.md and research_context.md for the profile)."
        })
final class DocumentsCommand implements CliCommand {
    static final String EXTENSION = ".md";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Lazy<DocumentsUseCase> documents;

    @Spec
    CommandSpec spec;

    @Inject
    DocumentsCommand(Lazy<DocumentsUseCase> documents) {
        this.documents = documents;
    }

    @Command(
            name = "push",
            mixinStandardHelpOptions = true,
            description = {
                "Save every KEY.md file in DIR as the client's document KEY. A file equal to the document's newest",
                "version changes nothing, so pushing the same folder twice is safe. icp_config.md holds a JSON object."
            })
    int push(
            @Parameters(paramLabel = "DIR", description = "folder with the KEY.md files") Path dir,
            @Option(names = "--client", required = true, paramLabel = "SLUG") String client) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ClientSlug slug = new ClientSlug(client);
        List<Path> files = files(dir);
        List<String> problems = new ArrayList<>();
        List<String[]> drafts = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String key = name.substring(0, name.length() - EXTENSION.length());
            try {
                Key.check("key", key);
                String content = Files.readString(file, StandardCharsets.UTF_8);
                drafts.add(new String[] {key, key.equals(KnowledgeDocument.ICP_CONFIG) ? canonical(content) : content});
            } catch (Invalid e) {
                problems.add(name + ": " + e.violations().getFirst().message());
            } catch (IOException e) {
                problems.add(name + ": cannot be read: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("columnline: " + p));
            err.println("columnline: nothing was pushed; fix the files above and push again");
            err.flush();
            return 1;
        }
        int created = 0;
        int unchanged = 0;
        for (String[] draft : drafts) {
            DocumentsUseCase.Saved saved =
                    documents.get().put(OPERATOR, slug, draft[0], Optional.empty(), draft[1], Optional.empty());
            out.printf(
                    "%-10s %s%s  v%d%n",
                    saved.created() ? "saved" : "unchanged",
                    draft[0],
                    EXTENSION,
                    saved.document().version());
            if (saved.created()) {
                created++;
            } else {
                unchanged++;
            }
        }
        out.printf(
                "pushed %d documents from %s: %d new versions, %d unchanged%n", drafts.size(), dir, created, unchanged);
        out.flush();
        return 0;
    }

    @Command(
            name = "pull",
            mixinStandardHelpOptions = true,
            description =
                    "Write the client's documents to DIR as KEY.md (newest versions); equal files are left alone.")
    int pull(
            @Parameters(paramLabel = "DIR", description = "folder to write to; created when missing") Path dir,
            @Option(names = "--client", required = true, paramLabel = "SLUG") String client) {
        PrintWriter out = spec.commandLine().getOut();
        ClientSlug slug = new ClientSlug(client);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        int written = 0;
        int unchanged = 0;
        for (KnowledgeDocument listed : documents.get().list(OPERATOR, slug)) {
            KnowledgeDocument d = documents.get().get(OPERATOR, slug, listed.key(), Optional.empty());
            if (write(dir.resolve(d.key() + EXTENSION), d.content())) {
                out.printf("wrote      %s%s  v%d%n", d.key(), EXTENSION, d.version());
                written++;
            } else {
                out.printf("unchanged  %s%s  v%d%n", d.key(), EXTENSION, d.version());
                unchanged++;
            }
        }
        out.printf(
                "pulled %d documents into %s: %d written, %d unchanged%n",
                written + unchanged, dir, written, unchanged);
        out.flush();
        return 0;
    }

    /** The JSON object in the canonical text the API stores: keys sorted, no whitespace. */
    private static String canonical(String content) {
        JsonNode node;
        try {
            node = JSON.readTree(content);
        } catch (IOException e) {
            throw new Invalid("content", "icp_config.md must hold a JSON object: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new Invalid("content", "icp_config.md must hold a JSON object");
        }
        try {
            return JSON.writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED).writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new Invalid("DIR", dir + " is not a folder");
        }
        try (Stream<Path> listed = Files.list(dir)) {
            return listed.filter(p ->
                            Files.isRegularFile(p) && p.getFileName().toString().endsWith(EXTENSION))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean write(Path target, String text) {
        try {
            if (Files.isRegularFile(target)
                    && Files.readString(target, StandardCharsets.UTF_8).equals(text)) {
                return false;
            }
            Path temp = Files.createTempFile(target.getParent(), ".pull-", EXTENSION + ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
