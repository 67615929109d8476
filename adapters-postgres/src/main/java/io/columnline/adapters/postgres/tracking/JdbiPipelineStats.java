package io.columnline.adapters.postgres.tracking;

import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.tracking.port.out.PipelineStats;
import io.columnline.domain.client.ClientId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class JdbiPipelineStats implements PipelineStats {
    private final JdbiSession session;

    @Inject
    JdbiPipelineStats(JdbiSession session) {
        this.session = session;
    }

    @Override
    public List<VersionCounts> byVersion(Optional<ClientId> client, Optional<Instant> from, Optional<Instant> to) {
        return session.withHandle(h -> h.createQuery("""
            SELECT r.pipeline_version,
                   count(*) AS started,
                   count(*) FILTER (WHERE r.status = 'running') AS running,
                   count(*) FILTER (WHERE r.status = 'completed') AS completed,
                   count(*) FILTER (WHERE r.status = 'failed') AS failed,
                   count(*) FILTER (WHERE r.status = 'published') AS published,
                   coalesce(sum(c.cost), 0) AS cost,
                   count(r.finished_at) AS finished,
                   coalesce(sum(floor(extract(epoch FROM r.finished_at - r.started_at) * 1000)), 0)::bigint AS duration_ms
            FROM runs r
            LEFT JOIN LATERAL (SELECT sum(s.cost_usd) AS cost FROM steps s
                               WHERE s.client_id = r.client_id AND s.run_id = r.id) c ON true
            WHERE (CAST(:client AS uuid) IS NULL OR r.client_id = CAST(:client AS uuid))
              AND (CAST(:from AS timestamptz) IS NULL OR r.started_at >= CAST(:from AS timestamptz))
              AND (CAST(:to AS timestamptz) IS NULL OR r.started_at < CAST(:to AS timestamptz))
            GROUP BY r.pipeline_version
            ORDER BY r.pipeline_version COLLATE "C"
            """)
                .bind("client", client.map(ClientId::value).orElse(null))
                .bind("from", Rows.offset(from.orElse(null)))
                .bind("to", Rows.offset(to.orElse(null)))
                .map((rs, ctx) -> new VersionCounts(
                        rs.getString("pipeline_version"),
                        rs.getLong("started"),
                        rs.getLong("running"),
                        rs.getLong("completed"),
                        rs.getLong("failed"),
                        rs.getLong("published"),
                        Rows.amount(rs.getBigDecimal("cost")),
                        rs.getLong("finished"),
                        rs.getLong("duration_ms")))
                .list());
    }
}
