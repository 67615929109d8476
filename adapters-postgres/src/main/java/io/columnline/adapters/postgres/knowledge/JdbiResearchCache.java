package io.columnline.adapters.postgres.knowledge;

import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.knowledge.port.out.ResearchCache;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.CacheEntry;
import io.columnline.domain.knowledge.CacheLookup;
import io.columnline.domain.run.CacheUse;
import io.columnline.domain.run.RunId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.StatementContext;

@Singleton
final class JdbiResearchCache implements ResearchCache {
    private static final String SELECT = "SELECT id, client_id, topic, topic_key, content, content_sha256, run_id,"
            + " cost_usd, metadata::text AS metadata, created_at, invalidated_at FROM research_cache_entries";

    private final JdbiSession session;

    @Inject
    JdbiResearchCache(JdbiSession session) {
        this.session = session;
    }

    @Override
    public boolean add(CacheEntry e) {
        return session.withHandle(h -> h.createUpdate("""
                INSERT INTO research_cache_entries (id, client_id, topic, topic_key, content, content_sha256, run_id,
                  cost_usd, metadata, created_at, invalidated_at)
                VALUES (:id, :client, :topic, :key, :content, :sha, CAST(:run AS uuid), :cost, CAST(:metadata AS json),
                  :created, CAST(:invalidated AS timestamptz))
                ON CONFLICT (client_id, topic_key, content_sha256) WHERE invalidated_at IS NULL DO NOTHING
                """)
                        .bind("id", e.id())
                        .bind("client", e.client().value())
                        .bind("topic", e.topic())
                        .bind("key", e.topicKey())
                        .bind("content", e.content())
                        .bind("sha", e.contentSha256())
                        .bind("run", e.run().map(RunId::value).orElse(null))
                        .bind("cost", e.costUsd())
                        .bind("metadata", e.metadata().text())
                        .bind("created", Rows.offset(e.createdAt()))
                        .bind("invalidated", Rows.offset(e.invalidatedAt().orElse(null)))
                        .execute()
                > 0);
    }

    @Override
    public Optional<CacheEntry> byId(UUID id) {
        return session.withHandle(h -> h.createQuery(SELECT + " WHERE id = :id")
                .bind("id", id)
                .map(JdbiResearchCache::entry)
                .findOne());
    }

    @Override
    public Optional<CacheEntry> sameContent(ClientId client, String topicKey, String contentSha256) {
        return session.withHandle(h -> h.createQuery(SELECT + " WHERE client_id = :client AND topic_key = :key"
                        + " AND content_sha256 = :sha AND invalidated_at IS NULL ORDER BY created_at DESC, id DESC"
                        + " LIMIT 1")
                .bind("client", client.value())
                .bind("key", topicKey)
                .bind("sha", contentSha256)
                .map(JdbiResearchCache::entry)
                .findOne());
    }

    @Override
    public Map<String, CacheEntry> newest(ClientId client, Collection<String> topicKeys, Instant since) {
        Map<String, CacheEntry> found = new LinkedHashMap<>();
        if (topicKeys.isEmpty()) {
            return found;
        }
        // one backwards index probe per key (research_cache_live), not a sort of the topic's history
        session.useHandle(h -> h.createQuery("SELECT e.* FROM unnest(:keys) AS k(key) CROSS JOIN LATERAL ("
                        + SELECT + " WHERE client_id = :client AND topic_key = k.key AND invalidated_at IS NULL"
                        + " AND created_at >= :since ORDER BY created_at DESC, id DESC LIMIT 1) e")
                .bindArray("keys", String.class, topicKeys.toArray())
                .bind("client", client.value())
                .bind("since", Rows.offset(since))
                .map(JdbiResearchCache::entry)
                .forEach(e -> found.put(e.topicKey(), e)));
        return found;
    }

    @Override
    public boolean invalidate(UUID id, Instant at) {
        return session.withHandle(
                        h -> h.createUpdate("UPDATE research_cache_entries SET invalidated_at = :at WHERE id = :id"
                                        + " AND invalidated_at IS NULL")
                                .bind("id", id)
                                .bind("at", Rows.offset(at))
                                .execute())
                > 0;
    }

    @Override
    public int invalidateTopic(ClientId client, String topicKey, Instant at) {
        return session.withHandle(h -> h.createUpdate("UPDATE research_cache_entries SET invalidated_at = :at"
                        + " WHERE client_id = :client AND topic_key = :key AND invalidated_at IS NULL")
                .bind("client", client.value())
                .bind("key", topicKey)
                .bind("at", Rows.offset(at))
                .execute());
    }

    @Override
    public void addTopic(ClientId client, String topicKey, String model, float[] vector) {
        Float[] boxed = new Float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            boxed[i] = vector[i];
        }
        session.useHandle(h -> h.createUpdate("""
                INSERT INTO research_cache_topics (client_id, topic_key, model, embedding)
                VALUES (:client, :key, :model, :embedding) ON CONFLICT (client_id, model, topic_key) DO NOTHING
                """)
                .bind("client", client.value())
                .bind("key", topicKey)
                .bind("model", model)
                .bindArray("embedding", Float.class, (Object[]) boxed)
                .execute());
    }

    @Override
    public boolean hasTopic(ClientId client, String topicKey, String model) {
        return session.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM research_cache_topics"
                        + " WHERE client_id = :client AND model = :model AND topic_key = :key)")
                .bind("client", client.value())
                .bind("key", topicKey)
                .bind("model", model)
                .mapTo(Boolean.class)
                .one());
    }

    @Override
    public List<TopicVector> topicsAfter(ClientId client, String model, long afterSeq) {
        return session.withHandle(h -> h.createQuery("SELECT seq, topic_key, embedding FROM research_cache_topics"
                        + " WHERE client_id = :client AND model = :model AND seq > :after ORDER BY seq")
                .bind("client", client.value())
                .bind("model", model)
                .bind("after", afterSeq)
                .setFetchSize(10_000)
                .map((rs, ctx) ->
                        new TopicVector(rs.getLong("seq"), rs.getString("topic_key"), floats(rs.getArray("embedding"))))
                .list());
    }

    @Override
    public void record(CacheLookup l) {
        session.useHandle(h -> h.createUpdate("""
                INSERT INTO research_cache_lookups (id, client_id, topic_key, run_id, hit, match, similarity, entry_id,
                  saved_usd, at)
                VALUES (:id, :client, :key, CAST(:run AS uuid), :hit, CAST(:match AS text),
                  CAST(:similarity AS double precision), CAST(:entry AS uuid), :saved, :at)
                """)
                .bind("id", l.id())
                .bind("client", l.client().value())
                .bind("key", l.topicKey())
                .bind("run", l.run().map(RunId::value).orElse(null))
                .bind("hit", l.hit())
                .bind("match", l.match().map(m -> m.key()).orElse(null))
                .bind("similarity", l.similarity().orElse(null))
                .bind("entry", l.entry().orElse(null))
                .bind("saved", l.savedUsd())
                .bind("at", Rows.offset(l.at()))
                .execute());
    }

    @Override
    public List<StatsRow> stats(Optional<ClientId> client, Optional<Instant> from, Optional<Instant> to, GroupBy by) {
        String group = by == GroupBy.DAY ? "to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD')" : "CAST(run_id AS text)";
        String order = by == GroupBy.DAY ? "g" : "min(at), g";
        return session.withHandle(h -> h.createQuery("SELECT " + group + " AS g, count(*) AS lookups,"
                        + " count(*) FILTER (WHERE hit) AS hits, coalesce(sum(saved_usd), 0) AS saved"
                        + " FROM research_cache_lookups WHERE (CAST(:client AS uuid) IS NULL"
                        + " OR client_id = CAST(:client AS uuid))"
                        + " AND (CAST(:from AS timestamptz) IS NULL OR at >= CAST(:from AS timestamptz))"
                        + " AND (CAST(:to AS timestamptz) IS NULL OR at < CAST(:to AS timestamptz))"
                        + " GROUP BY g ORDER BY " + order)
                .bind("client", client.map(ClientId::value).orElse(null))
                .bind("from", Rows.offset(from.orElse(null)))
                .bind("to", Rows.offset(to.orElse(null)))
                .map((rs, ctx) -> new StatsRow(
                        Optional.ofNullable(rs.getString("g")),
                        rs.getLong("lookups"),
                        rs.getLong("hits"),
                        Rows.amount(rs.getBigDecimal("saved"))))
                .list());
    }

    @Override
    public CacheUse ofRun(RunId run) {
        return session.withHandle(h -> h.createQuery("SELECT count(*) AS lookups, count(*) FILTER (WHERE hit) AS hits,"
                        + " coalesce(sum(saved_usd), 0) AS saved FROM research_cache_lookups WHERE run_id = :run")
                .bind("run", run.value())
                .map((rs, ctx) -> new CacheUse(rs.getLong("lookups"), rs.getLong("hits"), rs.getBigDecimal("saved")))
                .one());
    }

    private static CacheEntry entry(ResultSet rs, StatementContext ctx) throws SQLException {
        BigDecimal cost = rs.getBigDecimal("cost_usd");
        return new CacheEntry(
                Rows.uuid(rs, "id"),
                new ClientId(Rows.uuid(rs, "client_id")),
                rs.getString("topic"),
                rs.getString("topic_key"),
                rs.getString("content"),
                rs.getString("content_sha256"),
                Rows.optionalUuid(rs, "run_id").map(RunId::new),
                cost,
                new JsonDocument(rs.getString("metadata")),
                Rows.instant(rs, "created_at"),
                Rows.optionalInstant(rs, "invalidated_at"));
    }

    private static float[] floats(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        float[] vector = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            vector[i] = ((Number) values[i]).floatValue();
        }
        return vector;
    }
}
