package io.columnline.adapters.postgres.prospects;

import io.columnline.adapters.postgres.shared.ContactRows;
import io.columnline.adapters.postgres.shared.Cursors;
import io.columnline.adapters.postgres.shared.FieldColumns;
import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.prospects.port.out.Contacts;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.prospect.Audience;
import io.columnline.domain.prospect.CampaignStats;
import io.columnline.domain.prospect.Contact;
import io.columnline.domain.prospect.Field;
import io.columnline.domain.prospect.FieldValues;
import io.columnline.domain.prospect.ProspectKind;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.Query;

final class JdbiContacts implements Contacts {
    private static final ProspectKind KIND = ProspectKind.CONTACTS;
    private static final List<Field> FIELDS = KIND.storedFields();
    private static final String COLUMNS =
            "k.id, k.client_id, k.company_id, k.run_id, (SELECT d.id FROM dossiers d WHERE d.run_id = k.run_id)"
                    + " AS dossier_id, k.created_at, k.updated_at, "
                    + FieldColumns.select(KIND, "k", "");

    private final JdbiSession session;

    @Inject
    JdbiContacts(JdbiSession session) {
        this.session = session;
    }

    @Override
    public void insert(Contact contact) {
        FieldValues values = contact.values().complete(KIND);
        session.useHandle(h -> {
            var update = h.createUpdate(
                            "INSERT INTO contacts (id, client_id, company_id, run_id, created_at, updated_at, "
                                    + FieldColumns.names(FIELDS)
                                    + ") VALUES (:id, :client, CAST(:company AS uuid), CAST(:run AS uuid), :created, :updated, "
                                    + FieldColumns.casts(FIELDS) + ")")
                    .bind("id", contact.id())
                    .bind("client", contact.client().value())
                    .bind("company", contact.companyId().orElse(null))
                    .bind("run", contact.runId().orElse(null))
                    .bind("created", Rows.offset(contact.createdAt()))
                    .bind("updated", Rows.offset(contact.updatedAt()));
            FieldColumns.bind(update, FIELDS, values);
            update.execute();
        });
    }

    @Override
    public Optional<Contact> byId(UUID id) {
        return session.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM contacts k WHERE k.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> ContactRows.contact(rs))
                .findOne());
    }

    @Override
    public Contact update(Contact contact) {
        FieldValues values = contact.values().complete(KIND);
        session.useHandle(h -> {
            var update = h.createUpdate("UPDATE contacts SET " + FieldColumns.assignments(FIELDS)
                            + ", company_id = CAST(:company AS uuid), run_id = CAST(:run AS uuid), updated_at = :updated"
                            + " WHERE id = :id AND (" + FieldColumns.names(FIELDS)
                            + ", company_id, run_id) IS DISTINCT FROM (" + FieldColumns.casts(FIELDS)
                            + ", CAST(:company AS uuid), CAST(:run AS uuid))")
                    .bind("id", contact.id())
                    .bind("company", contact.companyId().orElse(null))
                    .bind("run", contact.runId().orElse(null))
                    .bind("updated", Rows.offset(contact.updatedAt()));
            FieldColumns.bind(update, FIELDS, values);
            update.execute();
        });
        return byId(contact.id()).orElseThrow();
    }

    @Override
    public Page<Contact> list(ClientId client, Map<String, Object> equal, PageRequest page) {
        Map<String, Object> fields = new LinkedHashMap<>(equal);
        Object companyId = fields.remove("company_id");
        List<Field> filters =
                fields.keySet().stream().map(n -> KIND.field(n).orElseThrow()).toList();
        List<Contact> rows = session.withHandle(h -> {
            Query query = h.createQuery(
                            "SELECT " + COLUMNS + " FROM contacts k WHERE k.client_id = :client"
                                    + (companyId == null ? "" : " AND k.company_id = :company")
                                    + FieldColumns.equal("k", filters)
                                    + " AND (CAST(:after AS uuid) IS NULL OR k.id > CAST(:after AS uuid)) ORDER BY k.id LIMIT :limit")
                    .bind("client", client.value())
                    .bind("after", Cursors.uuid(page, 0))
                    .bind("limit", page.limit() + 1);
            if (companyId != null) {
                query.bind("company", companyId);
            }
            FieldColumns.bind(query, filters, new FieldValues(fields));
            return query.map((rs, ctx) -> ContactRows.contact(rs)).list();
        });
        return Page.fromLookahead(rows, page.limit(), c -> Cursor.of(c.id().toString()));
    }

    @Override
    public Page<Member> audience(ClientId client, Audience audience, PageRequest page) {
        String sql = audienceSql(audience);
        List<Member> rows = session.withHandle(h -> {
            Query query = h.createQuery(sql)
                    .bind("client", client.value())
                    .bind("after", Cursors.uuid(page, 0))
                    .bind("limit", page.limit() + 1);
            audience.segment().ifPresent(v -> query.bind("segment", v));
            audience.smeRegistry().ifPresent(v -> query.bind("sme", v));
            audience.status().ifPresent(v -> query.bind("status", v));
            audience.region().ifPresent(v -> query.bind("region", v));
            audience.positionContains().ifPresent(v -> query.bind("position", "%" + likeEscaped(v) + "%"));
            audience.processingStatus().ifPresent(v -> query.bind("processing", v));
            return query.map((rs, ctx) -> new Member(ContactRows.contact(rs), JdbiCompanies.company(rs, "c_")))
                    .list();
        });
        return Page.fromLookahead(
                rows, page.limit(), m -> Cursor.of(m.contact().id().toString()));
    }

    /** The seed's audience query; exposed so the benchmark can show its plan. */
    static String audienceSql(Audience audience) {
        StringBuilder where = new StringBuilder(" WHERE k.client_id = :client AND c.client_id = :client");
        audience.segment().ifPresent(v -> where.append(" AND c.segment = :segment"));
        audience.smeRegistry().ifPresent(v -> where.append(" AND c.sme_registry = :sme"));
        audience.status().ifPresent(v -> where.append(" AND c.status = :status"));
        audience.region().ifPresent(v -> where.append(" AND c.region = :region"));
        audience.positionContains().ifPresent(v -> where.append(" AND k.position ILIKE :position"));
        audience.processingStatus().ifPresent(v -> where.append(" AND k.processing_status = :processing"));
        audience.hasEmail()
                .ifPresent(v -> where.append(v ? " AND k.work_email IS NOT NULL" : " AND k.work_email IS NULL"));
        if (!audience.includeSuppressed()) {
            where.append(" AND NOT k.reply_bounce AND NOT k.reply_unsubscribe");
        }
        where.append(" AND (CAST(:after AS uuid) IS NULL OR k.id > CAST(:after AS uuid))");
        // the page's ids first, from the covering indexes alone; then only those rows are read
        return "WITH page AS (SELECT k.id FROM contacts k JOIN companies c ON c.id = k.company_id" + where
                + " ORDER BY k.id LIMIT :limit)"
                + " SELECT " + COLUMNS + ", c.id AS c_id, c.client_id AS c_client_id, c.created_at AS c_created_at,"
                + " c.updated_at AS c_updated_at, " + FieldColumns.select(ProspectKind.COMPANIES, "c", "c_")
                + " FROM page p JOIN contacts k ON k.id = p.id JOIN companies c ON c.id = k.company_id ORDER BY k.id";
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public List<CampaignStats> campaignStats(ClientId client) {
        return session.withHandle(h -> h.createQuery("""
            SELECT campaign_number, count(*) AS contacts,
                   count(*) FILTER (WHERE reply_bounce) AS bounces,
                   count(*) FILTER (WHERE reply_unsubscribe) AS unsubscribes,
                   count(*) FILTER (WHERE reply_info_request) AS info_requests
            FROM contacts WHERE client_id = :client AND campaign_number IS NOT NULL
            GROUP BY campaign_number ORDER BY campaign_number DESC
            """)
                .bind("client", client.value())
                .map((rs, ctx) -> new CampaignStats(
                        rs.getString("campaign_number"),
                        rs.getLong("contacts"),
                        rs.getLong("bounces"),
                        rs.getLong("unsubscribes"),
                        rs.getLong("info_requests")))
                .list());
    }
}
