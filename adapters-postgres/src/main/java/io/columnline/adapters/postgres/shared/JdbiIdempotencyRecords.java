package io.columnline.adapters.postgres.shared;

import io.columnline.application.shared.IdempotencyRecords;
import io.columnline.domain.access.ApiKeyId;
import jakarta.inject.Inject;
import java.time.Instant;

final class JdbiIdempotencyRecords implements IdempotencyRecords {
    private final JdbiSession session;

    @Inject
    JdbiIdempotencyRecords(JdbiSession session) {
        this.session = session;
    }

    @Override
    public Claim claim(ApiKeyId owner, String key, String fingerprint, Instant now, Instant abandonedBefore) {
        return session.withHandle(h -> {
            int inserted = h.createUpdate("""
                      INSERT INTO idempotency_records (api_key_id, idempotency_key, fingerprint, created_at)
                      VALUES (:owner, :key, :fingerprint, :now)
                      ON CONFLICT DO NOTHING
                      """)
                    .bind("owner", owner.value())
                    .bind("key", key)
                    .bind("fingerprint", fingerprint)
                    .bind("now", Rows.offset(now))
                    .execute();
            if (inserted == 1) {
                return new Claim.Claimed();
            }
            // one retry takes over a claim whose process died before answering: the update is atomic
            int takenOver = h.createUpdate("""
                      UPDATE idempotency_records SET created_at = :now
                      WHERE api_key_id = :owner AND idempotency_key = :key AND fingerprint = :fingerprint
                        AND response_status IS NULL AND created_at < :abandonedBefore
                      """)
                    .bind("owner", owner.value())
                    .bind("key", key)
                    .bind("fingerprint", fingerprint)
                    .bind("now", Rows.offset(now))
                    .bind("abandonedBefore", Rows.offset(abandonedBefore))
                    .execute();
            if (takenOver == 1) {
                return new Claim.Claimed();
            }
            return h.createQuery("""
                  SELECT fingerprint, response_status, content_type, response_body
                  FROM idempotency_records WHERE api_key_id = :owner AND idempotency_key = :key
                  """)
                    .bind("owner", owner.value())
                    .bind("key", key)
                    .map((rs, ctx) -> {
                        if (!rs.getString("fingerprint").equals(fingerprint)) {
                            return (Claim) new Claim.DifferentRequest();
                        }
                        int status = rs.getInt("response_status");
                        if (rs.wasNull()) {
                            return new Claim.InFlight();
                        }
                        return new Claim.Replay(
                                new StoredResponse(status, rs.getString("content_type"), rs.getBytes("response_body")));
                    })
                    .findOne()
                    // the first request released its claim between our insert and select: take it now
                    .orElseGet(() -> claim(owner, key, fingerprint, now, abandonedBefore));
        });
    }

    @Override
    public void complete(ApiKeyId owner, String key, StoredResponse response) {
        session.useHandle(h -> h.createUpdate("""
                UPDATE idempotency_records
                SET response_status = :status, content_type = :type, response_body = :body
                WHERE api_key_id = :owner AND idempotency_key = :key
                """)
                .bind("owner", owner.value())
                .bind("key", key)
                .bind("status", response.status())
                .bind("type", response.contentType())
                .bind("body", response.body())
                .execute());
    }

    @Override
    public void release(ApiKeyId owner, String key) {
        session.useHandle(h -> h.createUpdate(
                        "DELETE FROM idempotency_records WHERE api_key_id = :owner AND idempotency_key = :key"
                                + " AND response_status IS NULL")
                .bind("owner", owner.value())
                .bind("key", key)
                .execute());
    }

    @Override
    public int purgeCreatedBefore(Instant cutoff) {
        return session.withHandle(h -> h.createUpdate("DELETE FROM idempotency_records WHERE created_at < :cutoff")
                .bind("cutoff", Rows.offset(cutoff))
                .execute());
    }
}
