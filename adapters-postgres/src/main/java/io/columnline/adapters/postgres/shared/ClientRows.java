package io.columnline.adapters.postgres.shared;

import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientConfigs;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.client.ClientProfile;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.pipeline.PipelineKey;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;

/** A client's row, read by tenancy and by the statement a publish locks its run with. */
public final class ClientRows {
    private static final String[] COLUMN_NAMES = {
        "id",
        "slug",
        "name",
        "timezone",
        "icp_config::text",
        "industry_research",
        "research_context",
        "profile_version",
        "rerun_webhook_url",
        "external_id",
        "configs::text",
        "created_at",
        "updated_at",
        "default_pipeline"
    };

    public static ClientProfile profile(ResultSet rs, String prefix) throws SQLException {
        return new ClientProfile(
                new JsonDocument(rs.getString(prefix + "icp_config")),
                rs.getString(prefix + "industry_research"),
                rs.getString(prefix + "research_context"));
    }

    /** The client's columns of {@code table}, named {@code prefix + column} (see {@link Rows#columns}). */
    public static String columns(String table, String prefix) {
        return Rows.columns(table, prefix, COLUMN_NAMES);
    }

    public static Client client(ResultSet rs, String prefix) throws SQLException {
        return new Client(
                new ClientId(Rows.uuid(rs, prefix + "id")),
                new ClientSlug(rs.getString(prefix + "slug")),
                rs.getString(prefix + "name"),
                ZoneId.of(rs.getString(prefix + "timezone")),
                profile(rs, prefix),
                rs.getInt(prefix + "profile_version"),
                Rows.optionalString(rs, prefix + "rerun_webhook_url").map(URI::create),
                Rows.optionalString(rs, prefix + "external_id"),
                new ClientConfigs(new JsonDocument(rs.getString(prefix + "configs"))),
                Rows.instant(rs, prefix + "created_at"),
                Rows.instant(rs, prefix + "updated_at"),
                Rows.optionalString(rs, prefix + "default_pipeline").map(PipelineKey::new));
    }

    private ClientRows() {}
}
