package io.columnline.adapters.postgres.publishing;

import io.columnline.adapters.postgres.shared.ClientRows;
import io.columnline.adapters.postgres.shared.ContactRows;
import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.adapters.postgres.shared.RunRows;
import io.columnline.application.publishing.port.out.Publications;
import io.columnline.domain.dossier.Dossier;
import io.columnline.domain.dossier.DossierId;
import io.columnline.domain.dossier.ListId;
import io.columnline.domain.prospect.Contact;
import io.columnline.domain.run.RunId;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a publish reads of its run is one statement: the run, locked, joined to its client, batch and
 * rerun. A publication is one statement: the dossier INSERT, the superseded dossier's UPDATE, the list
 * memberships and the run's UPDATE run as data-modifying parts of a query that answers the run's
 * contacts. Foreign keys are checked when the statement ends, so memberships and the supersedes
 * links see the new dossier.
 */
final class JdbiPublications implements Publications {
    private static final String SQL = "WITH new_dossier AS (" + JdbiDossiers.INSERT + " RETURNING id),"
            + " superseded AS (UPDATE dossiers SET status = :oldStatus, released_at = :oldReleasedAt,"
            + "      superseded_by_dossier_id = CAST(:oldSupersededBy AS uuid), updated_at = :oldUpdated"
            + "      WHERE id = CAST(:old AS uuid) RETURNING id),"
            + " members AS (INSERT INTO dossier_list_members (client_id, list_id, dossier_id, added_at)"
            + "      SELECT :client, CAST(l AS uuid), :id, :at FROM unnest(string_to_array(:lists, ',')) AS l"
            + "      ON CONFLICT DO NOTHING RETURNING list_id),"
            + " published AS (UPDATE runs SET status = :runStatus, error = :runError, finished_at = :runFinished"
            + "      WHERE id = :run RETURNING id)"
            + " SELECT " + ContactRows.columns("CAST(:id AS uuid)")
            + " FROM contacts k WHERE k.run_id = :run ORDER BY k.created_at, k.id";

    private static final String SUBJECT = "SELECT " + RunRows.columns("r", "r_") + ", "
            + ClientRows.columns("c", "c_") + ", " + JdbiBatches.columns("b", "b_") + ", "
            + JdbiReruns.columns("x", "x_")
            + " FROM runs r JOIN clients c ON c.id = r.client_id"
            + " LEFT JOIN batch_runs br ON br.run_id = r.id LEFT JOIN batches b ON b.id = br.batch_id"
            + " LEFT JOIN reruns x ON x.run_id = r.id"
            + " WHERE r.id = :run FOR UPDATE OF r";

    private final JdbiSession session;

    @Inject
    JdbiPublications(JdbiSession session) {
        this.session = session;
    }

    @Override
    public Optional<Subject> lockSubject(RunId run) {
        return session.withHandle(h -> h.createQuery(SUBJECT)
                .bind("run", run.value())
                .map((rs, ctx) -> new Subject(
                        RunRows.run(rs, "r_"),
                        ClientRows.client(rs, "c_"),
                        rs.getObject("b_id") == null ? Optional.empty() : Optional.of(JdbiBatches.batch(rs, "b_")),
                        rs.getObject("x_run_id") == null ? Optional.empty() : Optional.of(JdbiReruns.rerun(rs, "x_"))))
                .findOne());
    }

    @Override
    public List<Contact> record(Publication p) {
        Dossier old = p.superseded().orElse(null);
        return session.withHandle(h -> JdbiDossiers.bindInsert(h.createQuery(SQL), p.dossier(), p.sections())
                .bind("old", old == null ? null : old.id().value())
                .bind("oldStatus", old == null ? null : old.status().wire())
                .bind(
                        "oldReleasedAt",
                        Rows.offset(old == null ? null : old.releasedAt().orElse(null)))
                .bind(
                        "oldSupersededBy",
                        old == null
                                ? null
                                : old.supersededBy().map(DossierId::value).orElse(null))
                .bind("oldUpdated", Rows.offset(old == null ? null : old.updatedAt()))
                .bind("lists", p.lists().stream().map(ListId::toString).collect(Collectors.joining(",")))
                .bind("at", Rows.offset(p.at()))
                .bind("runStatus", p.run().status().wire())
                .bind("runError", p.run().error().orElse(null))
                .bind("runFinished", Rows.offset(p.run().finishedAt().orElse(null)))
                .map((rs, ctx) -> ContactRows.contact(rs))
                .list());
    }
}
