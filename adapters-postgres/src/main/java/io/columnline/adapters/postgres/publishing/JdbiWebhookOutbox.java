package io.columnline.adapters.postgres.publishing;

import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.publishing.port.out.WebhookOutbox;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.webhook.WebhookDelivery;
import io.columnline.domain.webhook.WebhookDelivery.Attempt;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

final class JdbiWebhookOutbox implements WebhookOutbox {
    private static final String COLUMNS = "id, client_id, event, subject_id, url, payload::text AS payload, status,"
            + " attempts, next_attempt_at, created_at, finished_at";

    private final JdbiSession session;

    @Inject
    JdbiWebhookOutbox(JdbiSession session) {
        this.session = session;
    }

    @Override
    public void enqueue(WebhookDelivery d) {
        session.useHandle(h -> h.createUpdate("""
            INSERT INTO webhook_deliveries (id, client_id, event, subject_id, url, payload, status, attempts,
                                            next_attempt_at, created_at)
            VALUES (:id, :client, :event, CAST(:subject AS uuid), :url, CAST(:payload AS jsonb), :status, :attempts,
                    :next, :created)
            """)
                .bind("id", d.id())
                .bind("client", d.client().value())
                .bind("event", d.event())
                .bind("subject", d.subject())
                .bind("url", d.url().toString())
                .bind("payload", d.payload().text())
                .bind("status", status(d.status()))
                .bind("attempts", d.attempts())
                .bind("next", Rows.offset(d.nextAttemptAt()))
                .bind("created", Rows.offset(d.createdAt()))
                .execute());
    }

    @Override
    public List<WebhookDelivery> claimDue(Instant now, int limit, Instant leaseUntil) {
        // SKIP LOCKED lets several instances drain the outbox side by side without sending twice
        return session.withHandle(h -> withHistory(
                h,
                h.createQuery("UPDATE webhook_deliveries SET next_attempt_at = :lease WHERE id IN ("
                                + " SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= :now"
                                + " ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)"
                                + " RETURNING " + COLUMNS)
                        .bind("now", Rows.offset(now))
                        .bind("lease", Rows.offset(leaseUntil))
                        .bind("limit", limit)
                        .map((rs, ctx) -> delivery(rs, List.of()))
                        .list()));
    }

    @Override
    public void save(WebhookDelivery d) {
        session.inTransaction(() -> {
            session.useHandle(h -> {
                h.createUpdate(
                                "UPDATE webhook_deliveries SET status = :status, attempts = :attempts, next_attempt_at = :next,"
                                        + " finished_at = :finished WHERE id = :id")
                        .bind("id", d.id())
                        .bind("status", status(d.status()))
                        .bind("attempts", d.attempts())
                        .bind("next", Rows.offset(d.nextAttemptAt()))
                        .bind("finished", Rows.offset(d.finishedAt().orElse(null)))
                        .execute();
                for (Attempt a : d.history()) {
                    h.createUpdate(
                                    "INSERT INTO webhook_delivery_attempts (delivery_id, client_id, number, at, duration_ms,"
                                            + " status_code, error) VALUES (:id, :client, :number, :at, :duration, CAST(:code AS integer), :error)"
                                            + " ON CONFLICT DO NOTHING")
                            .bind("id", d.id())
                            .bind("client", d.client().value())
                            .bind("number", a.number())
                            .bind("at", Rows.offset(a.at()))
                            .bind("duration", a.durationMs())
                            .bind("code", a.statusCode().orElse(null))
                            .bind("error", a.error().orElse(null))
                            .execute();
                }
            });
            return null;
        });
    }

    @Override
    public List<WebhookDelivery> forSubject(UUID subject) {
        return session.withHandle(h -> withHistory(
                h,
                h.createQuery("SELECT " + COLUMNS
                                + " FROM webhook_deliveries WHERE subject_id = :subject ORDER BY created_at, id")
                        .bind("subject", subject)
                        .map((rs, ctx) -> delivery(rs, List.of()))
                        .list()));
    }

    private static List<WebhookDelivery> withHistory(Handle h, List<WebhookDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return deliveries;
        }
        Map<UUID, List<Attempt>> attempts = h
                .createQuery(
                        "SELECT delivery_id, number, at, duration_ms, status_code, error FROM webhook_delivery_attempts"
                                + " WHERE delivery_id IN (<ids>) ORDER BY number")
                .bindList("ids", deliveries.stream().map(WebhookDelivery::id).toList())
                .map((rs, ctx) -> Map.entry(Rows.uuid(rs, "delivery_id"), attempt(rs)))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<WebhookDelivery> full = new ArrayList<>();
        for (WebhookDelivery d : deliveries) {
            full.add(new WebhookDelivery(
                    d.id(),
                    d.client(),
                    d.event(),
                    d.subject(),
                    d.url(),
                    d.payload(),
                    d.status(),
                    d.attempts(),
                    d.nextAttemptAt(),
                    d.createdAt(),
                    d.finishedAt(),
                    attempts.getOrDefault(d.id(), List.of())));
        }
        return full;
    }

    private static Attempt attempt(ResultSet rs) throws SQLException {
        int code = rs.getInt("status_code");
        Optional<Integer> statusCode = rs.wasNull() ? Optional.empty() : Optional.of(code);
        return new Attempt(
                rs.getInt("number"),
                Rows.instant(rs, "at"),
                rs.getLong("duration_ms"),
                statusCode,
                Rows.optionalString(rs, "error"));
    }

    private static WebhookDelivery delivery(ResultSet rs, List<Attempt> history) throws SQLException {
        return new WebhookDelivery(
                Rows.uuid(rs, "id"),
                new ClientId(Rows.uuid(rs, "client_id")),
                rs.getString("event"),
                Rows.uuid(rs, "subject_id"),
                URI.create(rs.getString("url")),
                new JsonDocument(rs.getString("payload")),
                WebhookDelivery.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getInt("attempts"),
                Rows.instant(rs, "next_attempt_at"),
                Rows.instant(rs, "created_at"),
                Rows.optionalInstant(rs, "finished_at"),
                history);
    }

    private static String status(WebhookDelivery.Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
