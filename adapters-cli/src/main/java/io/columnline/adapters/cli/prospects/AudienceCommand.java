package io.columnline.adapters.cli.prospects;

import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Lazy;
import io.columnline.adapters.cli.shared.CliCommand;
import io.columnline.adapters.cli.shared.Output;
import io.columnline.application.prospects.port.in.ProspectsUseCase;
import io.columnline.application.prospects.port.out.Contacts.Member;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.prospect.Audience;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "audience",
        mixinStandardHelpOptions = true,
        description = "Print the contacts a campaign may reach, with their company's fields. Contacts who bounced or"
                + " unsubscribed are left out unless --include-suppressed.")
final class AudienceCommand implements CliCommand, java.util.concurrent.Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COLUMNS = List.of(
            "contact_id",
            "full_name",
            "position",
            "work_email",
            "phone_numbers",
            "processing_status",
            "company_id",
            "company_name",
            "tin",
            "segment",
            "region",
            "status",
            "sme_registry",
            "company_research");

    private final Lazy<ProspectsUseCase> prospects;

    @Spec
    CommandSpec spec;

    @Option(names = "--client", required = true, paramLabel = "SLUG")
    String client;

    @Option(names = "--segment")
    String segment;

    @Option(names = "--sme-registry", paramLabel = "true|false")
    Boolean smeRegistry;

    @Option(names = "--status", description = "the company's status, e.g. Active")
    String status;

    @Option(names = "--region")
    String region;

    @Option(names = "--position", description = "contains this, ignoring case (CTO matches 'Deputy CTO')")
    String position;

    @Option(names = "--processing-status", description = "the contact's, e.g. pending")
    String processingStatus;

    @Option(names = "--has-email", paramLabel = "true|false")
    Boolean hasEmail;

    @Option(names = "--include-suppressed", description = "also contacts who bounced or unsubscribed")
    boolean includeSuppressed;

    @Option(names = "--limit", paramLabel = "N", description = "at most N contacts (default: all)")
    Long limit;

    @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv")
    String format;

    @Inject
    AudienceCommand(Lazy<ProspectsUseCase> prospects) {
        this.prospects = prospects;
    }

    /** Runs the audience query page by page and streams the rows out. */
    @Override
    public Integer call() {
        if (!"csv".equals(format) && !"json".equals(format)) {
            throw new Invalid("--format", "must be csv or json");
        }
        if (limit != null && limit < 1) {
            throw new Invalid("--limit", "must be at least 1");
        }
        var audience = new Audience(
                Optional.ofNullable(segment),
                Optional.ofNullable(smeRegistry),
                Optional.ofNullable(status),
                Optional.ofNullable(region),
                Optional.ofNullable(position),
                Optional.ofNullable(processingStatus),
                Optional.ofNullable(hasEmail),
                includeSuppressed);
        PrintWriter out = spec.commandLine().getOut();
        if ("csv".equals(format)) {
            out.println(String.join(",", COLUMNS));
        } else {
            out.println("[");
        }
        long printed = 0;
        Optional<Cursor> cursor = Optional.empty();
        do {
            int pageSize =
                    (int) Math.min(PageRequest.MAX_LIMIT, limit == null ? PageRequest.MAX_LIMIT : limit - printed);
            var page = prospects
                    .get()
                    .audience(
                            OPERATOR, Optional.of(new ClientSlug(client)), audience, new PageRequest(pageSize, cursor));
            for (Member member : page.items()) {
                List<String> cells = cells(member);
                if ("csv".equals(format)) {
                    out.println(Output.csv(cells));
                } else {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 0; i < COLUMNS.size(); i++) {
                        row.put(COLUMNS.get(i), cells.get(i));
                    }
                    try {
                        out.print((printed > 0 ? ",\n" : "") + JSON.writeValueAsString(row));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                printed++;
            }
            cursor = page.next();
        } while (cursor.isPresent() && (limit == null || printed < limit));
        if ("json".equals(format)) {
            out.println(printed > 0 ? "\n]" : "]");
        }
        out.flush();
        return 0;
    }

    private static List<String> cells(Member m) {
        var k = m.contact().values();
        var c = m.company().values();
        List<String> cells = new ArrayList<>();
        cells.add(m.contact().id().toString());
        cells.add(text(k.get("full_name")));
        cells.add(text(k.get("position")));
        cells.add(text(k.get("work_email")));
        cells.add(
                k.get("phone_numbers") instanceof List<?> phones
                        ? String.join(";", phones.stream().map(String::valueOf).toList())
                        : "");
        cells.add(text(k.get("processing_status")));
        cells.add(m.company().id().toString());
        cells.add(text(c.get("company_name")));
        cells.add(text(c.get("tin")));
        cells.add(text(c.get("segment")));
        cells.add(text(c.get("region")));
        cells.add(text(c.get("status")));
        cells.add(text(c.get("sme_registry")));
        cells.add(text(c.get("company_research")));
        return cells;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
