package io.columnline.adapters.cli.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dagger.Lazy;
import io.columnline.adapters.cli.shared.CliCommand;
import io.columnline.application.knowledge.port.in.SearchUseCase;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.error.Invalid;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "search",
        description = "Search a client's ready sources: keywords and meaning fused (hybrid), or either alone.",
        mixinStandardHelpOptions = true)
final class SearchCommand implements CliCommand, java.util.concurrent.Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT = 240;

    private final Lazy<SearchUseCase> search;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "QUERY", description = "what to look for")
    String query;

    @Option(names = "--client", required = true, description = "client slug")
    String client;

    @Option(names = "--mode", paramLabel = "hybrid|lexical|vector", defaultValue = "hybrid")
    String mode;

    @Option(names = "--limit", paramLabel = "1..100", defaultValue = "10")
    int limit;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text")
    String format;

    @Inject
    SearchCommand(Lazy<SearchUseCase> search) {
        this.search = search;
    }

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new Invalid("--format", "must be text or json");
        }
        SearchUseCase.Found found = search.get()
                .search(new SearchUseCase.Command(
                        OPERATOR,
                        Optional.of(new ClientSlug(client)),
                        query,
                        Optional.of(mode),
                        OptionalInt.of(limit),
                        SearchUseCase.Filter.NONE,
                        Optional.empty(),
                        OptionalInt.empty(),
                        Optional.empty(),
                        Optional.empty()));
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.println(json(found));
        } else {
            text(out, found);
        }
        out.flush();
        return 0;
    }

    private static void text(PrintWriter out, SearchUseCase.Found found) {
        int place = 1;
        for (SearchUseCase.Result r : found.results()) {
            out.printf(
                    "%d. %s v%d #%d  score %.4f  (lexical %s, vector %s)%n",
                    place++,
                    r.sourceName(),
                    r.sourceVersion(),
                    r.chunkIndex(),
                    r.score(),
                    rank(r.lexicalRank()),
                    rank(r.vectorRank()));
            String content = r.content().strip().replaceAll("\\s+", " ");
            out.println("   " + (content.length() > EXCERPT ? content.substring(0, EXCERPT) + "…" : content));
        }
        out.printf(
                "%d result%s in %d ms%n",
                found.results().size(), found.results().size() == 1 ? "" : "s", found.tookMillis());
    }

    private static String rank(OptionalInt rank) {
        return rank.isPresent() ? Integer.toString(rank.getAsInt()) : "-";
    }

    private static String json(SearchUseCase.Found found) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode data = root.putArray("data");
        for (SearchUseCase.Result r : found.results()) {
            ObjectNode row = data.addObject();
            row.put("kind", r.kind());
            row.put("chunk_id", r.chunkId().toString());
            row.put("source_id", r.sourceId().toString());
            row.put("source_name", r.sourceName());
            row.put("source_version", r.sourceVersion());
            row.put("source_key", r.sourceKey().orElse(null));
            row.put("source_type", r.sourceType().key());
            row.put("chunk_index", r.chunkIndex());
            row.put("content", r.content());
            try {
                row.set("metadata", JSON.readTree(r.metadata().text()));
            } catch (JsonProcessingException e) {
                row.put("metadata", r.metadata().text());
            }
            row.put("score", r.score());
            if (r.lexicalRank().isPresent()) {
                row.put("lexical_rank", r.lexicalRank().getAsInt());
            } else {
                row.putNull("lexical_rank");
            }
            if (r.vectorRank().isPresent()) {
                row.put("vector_rank", r.vectorRank().getAsInt());
            } else {
                row.putNull("vector_rank");
            }
        }
        root.put("took_ms", found.tookMillis());
        return root.toString();
    }
}
