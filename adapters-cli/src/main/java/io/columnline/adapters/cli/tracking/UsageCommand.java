package io.columnline.adapters.cli.tracking;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dagger.Lazy;
import io.columnline.adapters.cli.shared.CliCommand;
import io.columnline.adapters.cli.shared.Output;
import io.columnline.application.tracking.port.in.UsageUseCase;
import io.columnline.application.tracking.port.in.UsageUseCase.Answer;
import io.columnline.application.tracking.port.in.UsageUseCase.Group;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.usage.UsageDimension;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "usage",
        description =
                "Step usage per group (runs, steps, tokens, cost, latency p50/p95), as GET /api/v1/metrics/usage.",
        mixinStandardHelpOptions = true)
final class UsageCommand implements CliCommand, java.util.concurrent.Callable<Integer> {
    private static final List<String> FIGURES = List.of(
            "runs",
            "steps",
            "failed_steps",
            "tokens_input",
            "tokens_output",
            "cost_usd",
            "steps_without_cost",
            "latency_p50_ms",
            "latency_p95_ms");

    private final Lazy<UsageUseCase> usage;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--client",
            paramLabel = "SLUG",
            description = "one client (its time zone sets the days); default every client, in UTC")
    String client;

    @Option(
            names = "--from",
            description = "start, inclusive: a date or an ISO-8601 time (default 30 days before --to)")
    String from;

    @Option(names = "--to", description = "end, exclusive: a date or an ISO-8601 time (default the start of tomorrow)")
    String to;

    @Option(
            names = "--group-by",
            paramLabel = "DIMS",
            defaultValue = "day",
            description = "one to three of day, hour, client, model, stage, step_key, prompt_key, prompt_version,"
                    + " section, pipeline_version, status, comma-separated (default day)")
    String groupBy;

    @Option(names = "--filter", paramLabel = "DIM=VALUES", description = "e.g. model=gpt-4o,gpt-4o-mini (repeatable)")
    List<String> filters = new ArrayList<>();

    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table")
    String format;

    @Inject
    UsageCommand(Lazy<UsageUseCase> usage) {
        this.usage = usage;
    }

    @Override
    public Integer call() {
        if (!List.of("table", "csv", "json").contains(format)) {
            throw new Invalid("--format", "must be table, csv or json");
        }
        Map<String, String> filterMap = new LinkedHashMap<>();
        for (String filter : filters) {
            int eq = filter.indexOf('=');
            if (eq < 1) {
                throw new Invalid("--filter", "must be DIM=VALUES, e.g. model=gpt-4o, got '" + filter + "'");
            }
            filterMap.put(
                    filter.substring(0, eq).strip(), filter.substring(eq + 1).strip());
        }
        Answer answer = usage.get()
                .usage(
                        OPERATOR,
                        new UsageUseCase.Query(
                                Optional.ofNullable(client),
                                Optional.ofNullable(from),
                                Optional.ofNullable(to),
                                Arrays.asList(groupBy.split(",", -1)),
                                filterMap));
        PrintWriter out = spec.commandLine().getOut();
        List<String> header = new ArrayList<>();
        answer.groupBy().forEach(d -> header.add(d.wireName()));
        header.addAll(FIGURES);
        List<List<String>> rows =
                answer.groups().stream().map(g -> cells(answer, g)).toList();
        switch (format) {
            case "table" -> {
                out.printf("time zone %s, %s to %s%n", answer.zone().getId(), answer.from(), answer.to());
                Output.table(
                        out,
                        header.stream()
                                .map(h -> h.toUpperCase(java.util.Locale.ROOT))
                                .toList(),
                        rows);
            }
            case "csv" -> {
                out.println(Output.csv(header));
                rows.forEach(r -> out.println(Output.csv(r)));
            }
            default -> out.println(json(answer, header, rows));
        }
        out.flush();
        return 0;
    }

    private static List<String> cells(Answer answer, Group g) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < answer.groupBy().size(); i++) {
            Object key = g.keys().get(i);
            cells.add(
                    key instanceof Instant hour
                            ? OffsetDateTime.ofInstant(hour, answer.zone()).toString()
                            : key == null ? "" : key.toString());
        }
        cells.add(Long.toString(g.runs()));
        cells.add(Long.toString(g.steps()));
        cells.add(Long.toString(g.failedSteps()));
        cells.add(Long.toString(g.tokensInput()));
        cells.add(Long.toString(g.tokensOutput()));
        cells.add(g.costUsd().toPlainString());
        cells.add(Long.toString(g.stepsWithoutCost()));
        cells.add(g.latencyP50Ms().map(String::valueOf).orElse(""));
        cells.add(g.latencyP95Ms().map(String::valueOf).orElse(""));
        return cells;
    }

    private static String json(Answer answer, List<String> header, List<List<String>> rows) {
        var mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("time_zone", answer.zone().getId());
        root.put("from", answer.from().toString());
        root.put("to", answer.to().toString());
        ArrayNode data = root.putArray("data");
        int keys = answer.groupBy().size();
        for (List<String> row : rows) {
            ObjectNode group = data.addObject();
            ObjectNode keyNode = group.putObject("keys");
            for (int i = 0; i < header.size(); i++) {
                String value = row.get(i);
                ObjectNode target = i < keys ? keyNode : group;
                boolean number = i >= keys || answer.groupBy().get(i) == UsageDimension.PROMPT_VERSION;
                if (value.isEmpty()) {
                    target.putNull(header.get(i));
                } else if (number) {
                    target.put(header.get(i), new java.math.BigDecimal(value));
                } else {
                    target.put(header.get(i), value);
                }
            }
        }
        return root.toString();
    }
}
