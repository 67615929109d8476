package io.columnline.adapters.postgres.publishing;

import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.publishing.port.out.Reruns;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.dossier.DossierId;
import io.columnline.domain.dossier.Rerun;
import io.columnline.domain.run.RunId;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

final class JdbiReruns implements Reruns {
    private final JdbiSession session;

    @Inject
    JdbiReruns(JdbiSession session) {
        this.session = session;
    }

    @Override
    public void insert(Rerun rerun) {
        session.useHandle(
                h -> h.createUpdate("INSERT INTO reruns (client_id, run_id, dossier_id, from_stage, requested_at)"
                                + " VALUES (:client, :run, :dossier, :stage, :at)")
                        .bind("client", rerun.client().value())
                        .bind("run", rerun.run().value())
                        .bind("dossier", rerun.of().value())
                        .bind("stage", rerun.fromStage().orElse(null))
                        .bind("at", Rows.offset(rerun.requestedAt()))
                        .execute());
    }

    @Override
    public Optional<Rerun> ofRun(RunId run) {
        return session.withHandle(h -> h.createQuery("SELECT " + columns("", "") + " FROM reruns WHERE run_id = :run")
                .bind("run", run.value())
                .map((rs, ctx) -> rerun(rs, ""))
                .findOne());
    }

    /** The rerun's columns of {@code table}, named {@code prefix + column} (see {@link Rows#columns}). */
    static String columns(String table, String prefix) {
        return Rows.columns(table, prefix, "client_id", "run_id", "dossier_id", "from_stage", "requested_at");
    }

    static Rerun rerun(ResultSet rs, String prefix) throws SQLException {
        return new Rerun(
                new RunId(Rows.uuid(rs, prefix + "run_id")),
                new ClientId(Rows.uuid(rs, prefix + "client_id")),
                new DossierId(Rows.uuid(rs, prefix + "dossier_id")),
                Rows.optionalString(rs, prefix + "from_stage"),
                Rows.instant(rs, prefix + "requested_at"));
    }
}
