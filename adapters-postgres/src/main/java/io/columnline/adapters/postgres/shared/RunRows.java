package io.columnline.adapters.postgres.shared;

import io.columnline.domain.client.ClientId;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.pipeline.PipelineKey;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.RunPipeline;
import io.columnline.domain.run.RunStatus;
import io.columnline.domain.run.Seed;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** A run's row, read by tracking and by the statement a publish locks its run with. */
public final class RunRows {
    private static final String[] COLUMN_NAMES = {
        "id",
        "client_id",
        "seed::text",
        "company_name",
        "company_domain",
        "company_id",
        "pipeline_version",
        "external_id",
        "status",
        "error",
        "started_at",
        "finished_at",
        "pipeline_key",
        "pipeline_def_version",
        "triggered_by",
        "input_data::text",
        "output_data::text"
    };

    /** The run's columns of {@code table}, named {@code prefix + column} (see {@link Rows#columns}). */
    public static String columns(String table, String prefix) {
        return Rows.columns(table, prefix, COLUMN_NAMES);
    }

    public static Run run(ResultSet rs, String prefix) throws SQLException {
        return new Run(
                new RunId(Rows.uuid(rs, prefix + "id")),
                new ClientId(Rows.uuid(rs, prefix + "client_id")),
                new Seed(
                        rs.getString(prefix + "company_name"),
                        rs.getString(prefix + "company_domain"),
                        Rows.optionalString(rs, prefix + "company_id"),
                        new JsonDocument(rs.getString(prefix + "seed"))),
                rs.getString(prefix + "pipeline_version"),
                Rows.optionalString(rs, prefix + "external_id"),
                RunStatus.parse("status", rs.getString(prefix + "status")),
                Rows.optionalString(rs, prefix + "error"),
                Rows.instant(rs, prefix + "started_at"),
                Rows.optionalInstant(rs, prefix + "finished_at"),
                new Run.Launch(
                        pipeline(rs, prefix),
                        Rows.optionalString(rs, prefix + "triggered_by"),
                        Rows.optionalString(rs, prefix + "input_data").map(JsonDocument::new)),
                Rows.optionalString(rs, prefix + "output_data").map(JsonDocument::new));
    }

    private static Optional<RunPipeline> pipeline(ResultSet rs, String prefix) throws SQLException {
        String key = rs.getString(prefix + "pipeline_key");
        return key == null
                ? Optional.empty()
                : Optional.of(new RunPipeline(new PipelineKey(key), rs.getInt(prefix + "pipeline_def_version")));
    }

    private RunRows() {}
}
