package io.columnline.adapters.postgres.prospects;

import io.columnline.adapters.postgres.shared.Cursors;
import io.columnline.adapters.postgres.shared.FieldColumns;
import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.prospects.port.out.Companies;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.prospect.Company;
import io.columnline.domain.prospect.Field;
import io.columnline.domain.prospect.FieldValues;
import io.columnline.domain.prospect.ProspectKind;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.Query;

final class JdbiCompanies implements Companies {
    private static final ProspectKind KIND = ProspectKind.COMPANIES;
    private static final List<Field> FIELDS = KIND.storedFields();
    static final String COLUMNS =
            "c.id, c.client_id, c.created_at, c.updated_at, " + FieldColumns.select(KIND, "c", "");

    private final JdbiSession session;

    @Inject
    JdbiCompanies(JdbiSession session) {
        this.session = session;
    }

    @Override
    public void insert(Company company) {
        FieldValues values = company.values().complete(KIND);
        session.useHandle(h -> {
            var update = h.createUpdate("INSERT INTO companies (id, client_id, created_at, updated_at, "
                            + FieldColumns.names(FIELDS) + ") VALUES (:id, :client, :created, :updated, "
                            + FieldColumns.casts(FIELDS) + ")")
                    .bind("id", company.id())
                    .bind("client", company.client().value())
                    .bind("created", Rows.offset(company.createdAt()))
                    .bind("updated", Rows.offset(company.updatedAt()));
            FieldColumns.bind(update, FIELDS, values);
            update.execute();
        });
    }

    @Override
    public Optional<Company> byId(UUID id) {
        return session.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM companies c WHERE c.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> company(rs, ""))
                .findOne());
    }

    @Override
    public Company update(Company company) {
        FieldValues values = company.values().complete(KIND);
        session.useHandle(h -> {
            var update = h.createUpdate("UPDATE companies SET " + FieldColumns.assignments(FIELDS)
                            + ", updated_at = :updated WHERE id = :id AND (" + FieldColumns.names(FIELDS)
                            + ") IS DISTINCT FROM (" + FieldColumns.casts(FIELDS) + ")")
                    .bind("id", company.id())
                    .bind("updated", Rows.offset(company.updatedAt()));
            FieldColumns.bind(update, FIELDS, values);
            update.execute();
        });
        return byId(company.id()).orElseThrow();
    }

    @Override
    public Page<Company> list(ClientId client, Map<String, Object> equal, PageRequest page) {
        List<Field> filters =
                equal.keySet().stream().map(n -> KIND.field(n).orElseThrow()).toList();
        List<Company> rows = session.withHandle(h -> {
            Query query = h.createQuery(
                            "SELECT " + COLUMNS + " FROM companies c WHERE c.client_id = :client"
                                    + FieldColumns.equal("c", filters)
                                    + " AND (CAST(:after AS uuid) IS NULL OR c.id > CAST(:after AS uuid)) ORDER BY c.id LIMIT :limit")
                    .bind("client", client.value())
                    .bind("after", Cursors.uuid(page, 0))
                    .bind("limit", page.limit() + 1);
            FieldColumns.bind(query, filters, new FieldValues(equal));
            return query.map((rs, ctx) -> company(rs, "")).list();
        });
        return Page.fromLookahead(rows, page.limit(), c -> Cursor.of(c.id().toString()));
    }

    static Company company(ResultSet rs, String prefix) throws SQLException {
        return new Company(
                Rows.uuid(rs, prefix + "id"),
                new ClientId(Rows.uuid(rs, prefix + "client_id")),
                FieldColumns.read(KIND, rs, prefix),
                Rows.instant(rs, prefix + "created_at"),
                Rows.instant(rs, prefix + "updated_at"));
    }
}
