package io.columnline.application.knowledge.service;

import io.columnline.application.knowledge.port.in.InsightsUseCase;
import io.columnline.application.knowledge.port.out.Insights;
import io.columnline.application.knowledge.port.out.Sources;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.shared.Transactions;
import io.columnline.application.tenancy.port.in.ClientAccess;
import io.columnline.application.tracking.port.in.RunAccess;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.error.Violations;
import io.columnline.domain.knowledge.Insight;
import io.columnline.domain.knowledge.SourceId;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

@Singleton
public final class InsightService implements InsightsUseCase {
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z_]{0,39}");
    private static final int MAX_TAG_LENGTH = 100;
    private static final int MAX_DOMAIN_LENGTH = 253;

    private final ClientAccess access;
    private final RunAccess runs;
    private final Sources sources;
    private final Insights insights;
    private final Transactions transactions;
    private final Clock clock;

    @Inject
    public InsightService(
            ClientAccess access,
            RunAccess runs,
            Sources sources,
            Insights insights,
            Transactions transactions,
            Clock clock) {
        this.access = access;
        this.runs = runs;
        this.sources = sources;
        this.insights = insights;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Recorded record(Command c) {
        Violations problems = new Violations();
        if (c.type() == null || !TYPE.matcher(c.type()).matches()) {
            problems.add("type", "must be a lower-case word such as pattern, learning or decision");
        }
        String titleKey = c.title() == null ? "" : Insight.titleKey(c.title());
        if (titleKey.isEmpty()) {
            problems.add("title", "is required");
        } else if (c.title().length() > Insight.MAX_TITLE_LENGTH) {
            problems.add("title", "is longer than " + Insight.MAX_TITLE_LENGTH + " characters");
        }
        if (c.content() == null || c.content().isBlank()) {
            problems.add("content", "is required");
        } else if (c.content().length() > Insight.MAX_CONTENT_LENGTH) {
            problems.add("content", "is longer than " + Insight.MAX_CONTENT_LENGTH + " characters");
        }
        if (c.confidence() == null) {
            problems.add("confidence", "is required: a number from 0 to 1");
        } else if (!(c.confidence() >= 0 && c.confidence() <= 1)) {
            problems.add("confidence", "must be a number from 0 to 1");
        }
        List<String> tags = tags(problems, c.tags());
        c.companyDomain().ifPresent(d -> {
            if (d.isBlank() || d.length() > MAX_DOMAIN_LENGTH) {
                problems.add("company_domain", "must be 1 to " + MAX_DOMAIN_LENGTH + " characters");
            }
        });
        problems.throwIfAny();
        Client client = access.chosen(c.caller(), c.client());
        Optional<SourceId> source = c.source().map(id -> {
            SourceId sid = new SourceId(id);
            sources.byId(sid).filter(s -> s.client().equals(client.id())).orElseThrow(() -> new NotFound("source", id));
            return sid;
        });
        Optional<RunId> run = c.run().map(id -> {
            Run r = runs.visible(c.caller(), new RunId(id));
            if (!r.client().equals(client.id())) {
                throw new NotFound("run", id);
            }
            return r.id();
        });
        String title = c.title().strip();
        Optional<String> domain = c.companyDomain().map(d -> d.strip().toLowerCase(java.util.Locale.ROOT));
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<Insight> before = insights.byKeyForUpdate(client.id(), c.type(), titleKey);
            Insight next = new Insight(
                    before.map(Insight::id).orElseGet(UUID::randomUUID),
                    client.id(),
                    c.type(),
                    title,
                    titleKey,
                    c.content(),
                    c.confidence(),
                    tags,
                    source,
                    run,
                    domain,
                    before.map(b -> b.version() + 1).orElse(1),
                    before.map(Insight::createdAt).orElse(now),
                    now);
            if (before.isPresent() && same(before.get(), next)) {
                return new Recorded(before.get(), false);
            }
            insights.save(next);
            return new Recorded(next, before.isEmpty());
        });
    }

    /** Sending the same insight again is no new version. */
    private static boolean same(Insight a, Insight b) {
        return a.title().equals(b.title())
                && a.content().equals(b.content())
                && a.confidence() == b.confidence()
                && a.tags().equals(b.tags())
                && a.source().equals(b.source())
                && a.run().equals(b.run())
                && a.companyDomain().equals(b.companyDomain());
    }

    private static List<String> tags(Violations problems, List<String> given) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > Insight.MAX_TAGS) {
            problems.add("tags", "has more than " + Insight.MAX_TAGS + " tags");
            return List.of();
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String tag = given.get(i);
            if (tag == null || tag.isBlank() || tag.length() > MAX_TAG_LENGTH) {
                problems.add("tags[" + i + "]", "must be 1 to " + MAX_TAG_LENGTH + " characters");
            } else {
                tags.add(tag.strip().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return new ArrayList<>(tags);
    }

    @Override
    public Insight get(Caller caller, UUID id) {
        return insights.byId(id).filter(i -> caller.canSee(i.client())).orElseThrow(() -> new NotFound("insight", id));
    }

    @Override
    public List<Insight.Version> history(Caller caller, UUID id) {
        get(caller, id);
        return insights.history(id);
    }

    @Override
    public Page<Insight> list(Caller caller, Query q, PageRequest page) {
        q.minConfidence().ifPresent(m -> {
            if (!(m >= 0 && m <= 1)) {
                throw new io.columnline.domain.error.Invalid("min_confidence", "must be a number from 0 to 1");
            }
        });
        Optional<Client> client = access.named(caller, q.client());
        return insights.list(
                new Insights.Filter(
                        client.map(Client::id),
                        q.type(),
                        q.tag().map(t -> t.strip().toLowerCase(java.util.Locale.ROOT)),
                        q.minConfidence(),
                        q.source().map(SourceId::new),
                        q.run().map(RunId::new),
                        q.companyDomain().map(d -> d.strip().toLowerCase(java.util.Locale.ROOT)),
                        q.since()),
                page);
    }

    @Override
    public void delete(Caller caller, UUID id) {
        get(caller, id);
        if (!insights.delete(id)) {
            throw new NotFound("insight", id);
        }
    }
}
