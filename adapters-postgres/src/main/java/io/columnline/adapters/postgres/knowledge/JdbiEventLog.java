package io.columnline.adapters.postgres.knowledge;

import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.knowledge.port.out.EventLog;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.event.SystemEvent;
import io.columnline.domain.json.JsonDocument;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.statement.StatementContext;

/** The events log in {@code system_events}, read in id order (the order appended). */
@Singleton
final class JdbiEventLog implements EventLog {
    private final JdbiSession session;

    @Inject
    JdbiEventLog(JdbiSession session) {
        this.session = session;
    }

    @Override
    public SystemEvent append(SystemEvent e) {
        long id = session.withHandle(h -> h.createUpdate("""
                        INSERT INTO system_events (client_id, kind, instance, at, detail)
                        VALUES (CAST(:client AS uuid), :kind, :instance, :at, CAST(:detail AS json))
                        """)
                .bind("client", e.client().map(ClientId::value).orElse(null))
                .bind("kind", e.kind())
                .bind("instance", e.instance())
                .bind("at", Rows.offset(e.at()))
                .bind("detail", e.detail().text())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
        return new SystemEvent(id, e.client(), e.kind(), e.instance(), e.at(), e.detail());
    }

    @Override
    public Page<SystemEvent> list(Filter filter, PageRequest page) {
        long after;
        try {
            after = page.cursor().map(c -> Long.parseLong(c.value(0))).orElse(0L);
        } catch (RuntimeException e) {
            throw new Invalid("cursor", "is not a cursor this API returned; pass next_cursor unchanged");
        }
        List<SystemEvent> rows = session.withHandle(h -> h.createQuery("""
                        SELECT id, client_id, kind, instance, at, detail::text AS detail FROM system_events
                        WHERE id > :after
                          AND (CASE WHEN CAST(:client AS uuid) IS NOT NULL THEN client_id = CAST(:client AS uuid)
                               ELSE :systemToo END)
                          AND (CAST(:kind AS text) IS NULL OR kind = CAST(:kind AS text))
                          AND (CAST(:since AS timestamptz) IS NULL OR at >= CAST(:since AS timestamptz))
                        ORDER BY id LIMIT :limit
                        """)
                .bind("after", after)
                .bind("client", filter.client().map(ClientId::value).orElse(null))
                .bind("systemToo", filter.systemToo())
                .bind("kind", filter.kind().orElse(null))
                .bind("since", Rows.offset(filter.since().orElse(null)))
                .bind("limit", page.limit() + 1)
                .map(JdbiEventLog::event)
                .list());
        return Page.fromLookahead(rows, page.limit(), e -> Cursor.of(Long.toString(e.id())));
    }

    @Override
    public int pruneBefore(Instant before) {
        return session.withHandle(h -> h.createUpdate("DELETE FROM system_events WHERE at < :before")
                .bind("before", Rows.offset(before))
                .execute());
    }

    private static SystemEvent event(ResultSet rs, StatementContext ctx) throws SQLException {
        return new SystemEvent(
                rs.getLong("id"),
                Rows.optionalUuid(rs, "client_id").map(ClientId::new),
                rs.getString("kind"),
                rs.getString("instance"),
                Rows.instant(rs, "at"),
                new JsonDocument(rs.getString("detail")));
    }
}
