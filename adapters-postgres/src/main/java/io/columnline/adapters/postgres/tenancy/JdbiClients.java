package io.columnline.adapters.postgres.tenancy;

import io.columnline.adapters.postgres.shared.ClientRows;
import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.client.ClientProfile;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.client.ProfileVersion;
import io.columnline.domain.pipeline.PipelineKey;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiClients implements Clients {
    private static final String COLUMNS = ClientRows.columns("", "");

    private final JdbiSession session;

    @Inject
    JdbiClients(JdbiSession session) {
        this.session = session;
    }

    @Override
    public Optional<Client> bySlug(ClientSlug slug) {
        return session.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM clients WHERE slug = :slug")
                .bind("slug", slug.value())
                .map(JdbiClients::client)
                .findOne());
    }

    @Override
    public Optional<Client> byId(ClientId id) {
        return session.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM clients WHERE id = :id")
                .bind("id", id.value())
                .map(JdbiClients::client)
                .findOne());
    }

    @Override
    public Optional<Client> byExternalId(String externalId) {
        return session.withHandle(
                h -> h.createQuery("SELECT " + COLUMNS + " FROM clients WHERE external_id = :external")
                        .bind("external", externalId)
                        .map(JdbiClients::client)
                        .findOne());
    }

    @Override
    public void save(Client client) {
        session.useHandle(h -> h.createUpdate("""
                INSERT INTO clients (id, slug, name, timezone, icp_config, industry_research, research_context,
                                     profile_version, rerun_webhook_url, external_id, configs, created_at, updated_at,
                                     default_pipeline)
                VALUES (:id, :slug, :name, :timezone, CAST(:icp AS json), :industry, :context,
                        :version, :webhook, :external, CAST(:configs AS json), :created, :updated, :pipeline)
                ON CONFLICT (id) DO UPDATE SET
                  name = EXCLUDED.name, timezone = EXCLUDED.timezone, icp_config = EXCLUDED.icp_config,
                  industry_research = EXCLUDED.industry_research, research_context = EXCLUDED.research_context,
                  profile_version = EXCLUDED.profile_version, rerun_webhook_url = EXCLUDED.rerun_webhook_url,
                  external_id = EXCLUDED.external_id, configs = EXCLUDED.configs, updated_at = EXCLUDED.updated_at,
                  default_pipeline = EXCLUDED.default_pipeline
                """)
                .bind("id", client.id().value())
                .bind("slug", client.slug().value())
                .bind("name", client.name())
                .bind("timezone", client.timezone().getId())
                .bind("icp", client.profile().icpConfig().text())
                .bind("industry", client.profile().industryResearch())
                .bind("context", client.profile().researchContext())
                .bind("version", client.profileVersion())
                .bind("webhook", client.rerunWebhookUrl().map(URI::toString).orElse(null))
                .bind("external", client.externalId().orElse(null))
                .bind("configs", client.configs().document().text())
                .bind("created", Rows.offset(client.createdAt()))
                .bind("updated", Rows.offset(client.updatedAt()))
                .bind(
                        "pipeline",
                        client.defaultPipeline().map(PipelineKey::value).orElse(null))
                .execute());
    }

    @Override
    public Page<Client> list(Optional<ClientId> only, PageRequest page) {
        List<Client> rows = session.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM clients"
                        + " WHERE (CAST(:only AS uuid) IS NULL OR id = CAST(:only AS uuid))"
                        + " AND (CAST(:after AS text) IS NULL OR slug > :after)"
                        + " ORDER BY slug LIMIT :limit")
                .bind("only", only.map(ClientId::value).orElse(null))
                .bind("after", page.cursor().map(c -> c.value(0)).orElse(null))
                .bind("limit", page.limit() + 1)
                .map(JdbiClients::client)
                .list());
        return Page.fromLookahead(rows, page.limit(), c -> Cursor.of(c.slug().value()));
    }

    @Override
    public void addProfileVersion(ClientId client, ProfileVersion version) {
        session.useHandle(h -> h.createUpdate("""
                INSERT INTO client_profile_versions
                  (client_id, version, icp_config, industry_research, research_context, created_at)
                VALUES (:client, :version, CAST(:icp AS json), :industry, :context, :created)
                """)
                .bind("client", client.value())
                .bind("version", version.version())
                .bind("icp", version.profile().icpConfig().text())
                .bind("industry", version.profile().industryResearch())
                .bind("context", version.profile().researchContext())
                .bind("created", Rows.offset(version.createdAt()))
                .execute());
    }

    @Override
    public List<ProfileVersion> profileVersions(ClientId client) {
        return session.withHandle(h -> h.createQuery("""
                SELECT version, icp_config::text AS icp_config, industry_research, research_context, created_at
                FROM client_profile_versions WHERE client_id = :client ORDER BY version DESC
                """)
                .bind("client", client.value())
                .map((rs, ctx) -> new ProfileVersion(rs.getInt("version"), profile(rs), Rows.instant(rs, "created_at")))
                .list());
    }

    private static ClientProfile profile(ResultSet rs) throws SQLException {
        return ClientRows.profile(rs, "");
    }

    private static Client client(ResultSet rs, StatementContext ctx) throws SQLException {
        return ClientRows.client(rs, "");
    }
}
