package io.columnline.application.prospects.memory;

import io.columnline.application.prospects.port.out.Companies;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.prospect.Company;
import io.columnline.domain.prospect.ProspectKind;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryCompanies implements Companies {
    final Map<UUID, Company> rows = new ConcurrentHashMap<>();

    @Override
    public void insert(Company company) {
        rows.put(
                company.id(),
                new Company(
                        company.id(),
                        company.client(),
                        company.values().complete(ProspectKind.COMPANIES),
                        company.createdAt(),
                        company.updatedAt()));
    }

    @Override
    public Optional<Company> byId(UUID id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Company update(Company company) {
        Company before = rows.get(company.id());
        var values = company.values().complete(ProspectKind.COMPANIES);
        if (!values.equals(before.values())) {
            rows.put(
                    company.id(),
                    new Company(company.id(), before.client(), values, before.createdAt(), company.updatedAt()));
        }
        return rows.get(company.id());
    }

    @Override
    public Page<Company> list(ClientId client, Map<String, Object> equal, PageRequest page) {
        String after = page.cursor().map(c -> c.value(0)).orElse("");
        List<Company> found = rows.values().stream()
                .filter(c -> c.client().equals(client))
                .filter(c -> equal.entrySet().stream()
                        .allMatch(e -> Objects.equals(c.values().get(e.getKey()), e.getValue())))
                .filter(c -> c.id().toString().compareTo(after) > 0)
                .sorted(Comparator.comparing(c -> c.id().toString()))
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromLookahead(found, page.limit(), c -> Cursor.of(c.id().toString()));
    }
}
