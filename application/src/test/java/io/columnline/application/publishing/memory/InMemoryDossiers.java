package io.columnline.application.publishing.memory;

import io.columnline.application.publishing.port.out.Dossiers;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.dossier.Company;
import io.columnline.domain.dossier.Dossier;
import io.columnline.domain.dossier.DossierId;
import io.columnline.domain.dossier.DossierSection;
import io.columnline.domain.dossier.DossierStatus;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.run.RunId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

public final class InMemoryDossiers implements Dossiers {
    /** Newest first; ids compare as text, which is PostgreSQL's uuid order. */
    static final Comparator<Dossier> NEWEST_FIRST = Comparator.comparing(Dossier::createdAt)
            .thenComparing(d -> d.id().toString())
            .reversed();

    private static final Comparator<DossierSection> SECTION_ORDER = Comparator.comparingInt(DossierSection::position)
            .thenComparing(s -> s.key().value());

    private final InMemoryDossierLists lists;
    private final Map<DossierId, Dossier> dossiers = new LinkedHashMap<>();
    private final Map<DossierId, List<DossierSection>> sections = new LinkedHashMap<>();

    /** The list filter reads memberships from the lists adapter, as the Postgres adapter joins them. */
    public InMemoryDossiers(InMemoryDossierLists lists) {
        this.lists = lists;
    }

    @Override
    public synchronized void insert(Dossier dossier, List<DossierSection> content) {
        if (dossiers.containsKey(dossier.id()) || byRun(dossier.run()).isPresent()) {
            throw new IllegalStateException("run " + dossier.run() + " already has a dossier");
        }
        dossiers.put(dossier.id(), dossier);
        sections.put(dossier.id(), content.stream().sorted(SECTION_ORDER).toList());
    }

    @Override
    public synchronized void update(Dossier dossier) {
        dossiers.computeIfPresent(dossier.id(), (id, old) -> dossier);
    }

    @Override
    public synchronized Optional<Dossier> byId(DossierId id) {
        return Optional.ofNullable(dossiers.get(id));
    }

    @Override
    public Optional<Dossier> lock(DossierId id) {
        return byId(id);
    }

    @Override
    public synchronized Optional<Dossier> byRun(RunId run) {
        return dossiers.values().stream().filter(d -> d.run().equals(run)).findFirst();
    }

    @Override
    public synchronized List<DossierSection> sections(DossierId id) {
        return sections.getOrDefault(id, List.of());
    }

    @Override
    public void lockCompany(ClientId client, Company company) {
        // transactions run one at a time in memory
    }

    @Override
    public synchronized Optional<Dossier> lockNewestLive(ClientId client, Company company) {
        List<Predicate<Dossier>> sameCompany = List.of(
                d -> !company.domain().isEmpty() && d.company().domain().equals(company.domain()),
                d -> company.companyId().isPresent() && d.company().companyId().equals(company.companyId()),
                d -> d.company().nameKey().equals(company.nameKey()));
        for (Predicate<Dossier> same : sameCompany) {
            Optional<Dossier> found = dossiers.values().stream()
                    .filter(d -> d.client().equals(client) && d.isLive() && same.test(d))
                    .min(NEWEST_FIRST);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized Page<Dossier> list(Query query, PageRequest page) {
        Optional<Position> after = page.cursor().map(InMemoryDossiers::position);
        List<Dossier> rows = matching(query)
                .filter(d -> after.map(a -> a.precedes(d)).orElse(true))
                .sorted(NEWEST_FIRST)
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromLookahead(
                rows, page.limit(), d -> Cursor.of(d.createdAt().toString(), d.id().toString()));
    }

    synchronized Stream<Dossier> matching(Query query) {
        return dossiers.values().stream()
                .filter(d -> query.client().map(d.client()::equals).orElse(true))
                .filter(d -> query.batch().map(d.batch()::equals).orElse(true))
                .filter(d -> query.list().map(l -> lists.isOn(d.id(), l)).orElse(true))
                .filter(d -> query.status().map(d.status()::equals).orElse(true))
                .filter(d ->
                        query.companyDomain().map(d.company().domain()::equals).orElse(true))
                .filter(d ->
                        query.pipelineVersion().map(d.pipelineVersion()::equals).orElse(true))
                .filter(d -> query.updatedSince()
                        .map(since -> !d.updatedAt().isBefore(since))
                        .orElse(true))
                .filter(d -> !query.releasedOnly() || d.isReleased())
                .toList()
                .stream();
    }

    @Override
    public synchronized List<Dossier> claimDueForRelease(Instant now, int limit) {
        return dossiers.values().stream()
                .filter(d -> d.status() == DossierStatus.SCHEDULED && d.isDueForRelease(now))
                .sorted(Comparator.comparing(d -> d.releaseAt().orElse(Instant.EPOCH)))
                .limit(limit)
                .toList();
    }

    private record Position(Instant createdAt, String id) {
        boolean precedes(Dossier dossier) {
            int byTime = dossier.createdAt().compareTo(createdAt);
            return byTime != 0 ? byTime < 0 : dossier.id().toString().compareTo(id) < 0;
        }
    }

    private static Position position(Cursor cursor) {
        try {
            return new Position(Instant.parse(cursor.value(0)), cursor.value(1));
        } catch (DateTimeParseException | IndexOutOfBoundsException e) {
            throw new Invalid("cursor", "is not a cursor this API returned; pass next_cursor unchanged");
        }
    }
}
