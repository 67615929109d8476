package io.columnline.adapters.postgres.tenancy;

import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.tenancy.port.out.ApiKeys;
import io.columnline.domain.access.ApiKey;
import io.columnline.domain.access.ApiKeyId;
import io.columnline.domain.client.ClientId;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiApiKeys implements ApiKeys {
    private static final String COLUMNS = "id, key_hash, client_id, created_at, revoked_at";

    private final JdbiSession session;

    @Inject
    JdbiApiKeys(JdbiSession session) {
        this.session = session;
    }

    @Override
    public void insert(ApiKey key) {
        session.useHandle(h -> h.createUpdate("INSERT INTO api_keys (id, key_hash, client_id, created_at, revoked_at)"
                        + " VALUES (:id, :hash, CAST(:client AS uuid), :created, :revoked)")
                .bind("id", key.id().value())
                .bind("hash", key.hash())
                .bind("client", key.client().map(ClientId::value).orElse(null))
                .bind("created", Rows.offset(key.createdAt()))
                .bind("revoked", Rows.offset(key.revokedAt().orElse(null)))
                .execute());
    }

    @Override
    public Optional<ApiKey> byHash(String hash) {
        return session.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = :hash")
                .bind("hash", hash)
                .map(JdbiApiKeys::key)
                .findOne());
    }

    @Override
    public Optional<ApiKey> byId(ApiKeyId id) {
        return session.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE id = :id")
                .bind("id", id.value())
                .map(JdbiApiKeys::key)
                .findOne());
    }

    @Override
    public void revoke(ApiKeyId id, Instant at) {
        session.useHandle(
                h -> h.createUpdate("UPDATE api_keys SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                        .bind("id", id.value())
                        .bind("at", Rows.offset(at))
                        .execute());
    }

    @Override
    public boolean anyActiveAdmin() {
        return session.withHandle(h -> h.createQuery(
                        "SELECT EXISTS (SELECT 1 FROM api_keys WHERE client_id IS NULL AND revoked_at IS NULL)")
                .mapTo(Boolean.class)
                .one());
    }

    private static ApiKey key(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ApiKey(
                new ApiKeyId(Rows.uuid(rs, "id")),
                rs.getString("key_hash"),
                Rows.optionalUuid(rs, "client_id").map(ClientId::new),
                Rows.instant(rs, "created_at"),
                Rows.optionalInstant(rs, "revoked_at"));
    }
}
