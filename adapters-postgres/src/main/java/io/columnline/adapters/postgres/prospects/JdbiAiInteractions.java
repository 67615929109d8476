package io.columnline.adapters.postgres.prospects;

import io.columnline.adapters.postgres.shared.Cursors;
import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.Rows;
import io.columnline.application.prospects.port.out.AiInteractions;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.prospect.AiInteraction;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

final class JdbiAiInteractions implements AiInteractions {
    private final JdbiSession session;

    @Inject
    JdbiAiInteractions(JdbiSession session) {
        this.session = session;
    }

    @Override
    public void insert(AiInteraction i) {
        session.useHandle(h -> h.createUpdate("""
            INSERT INTO ai_interactions (id, client_id, session_key, conversation_id, prompt, response, model_used,
                                         confidence_score, created_at)
            VALUES (:id, :client, :session, :conversation, :prompt, :response, :model, :score, :created)
            """)
                .bind("id", i.id())
                .bind("client", i.client().value())
                .bind("session", i.sessionKey().orElse(null))
                .bind("conversation", i.conversationId().orElse(null))
                .bind("prompt", i.prompt())
                .bind("response", i.response().orElse(null))
                .bind("model", i.modelUsed().orElse(null))
                .bind("score", i.confidenceScore().orElse(null))
                .bind("created", Rows.offset(i.createdAt()))
                .execute());
    }

    @Override
    public Page<AiInteraction> list(
            ClientId client, Optional<String> sessionKey, Optional<String> conversationId, PageRequest page) {
        List<AiInteraction> rows = session.withHandle(h -> h.createQuery("""
            SELECT * FROM ai_interactions
            WHERE client_id = :client
              AND (CAST(:session AS text) IS NULL OR session_key = :session)
              AND (CAST(:conversation AS text) IS NULL OR conversation_id = :conversation)
              AND (CAST(:afterTime AS timestamptz) IS NULL
                   OR (created_at, id) > (CAST(:afterTime AS timestamptz), CAST(:afterId AS uuid)))
            ORDER BY created_at, id LIMIT :limit
            """)
                .bind("client", client.value())
                .bind("session", sessionKey.orElse(null))
                .bind("conversation", conversationId.orElse(null))
                .bind("afterTime", Rows.offset(Cursors.instant(page, 0)))
                .bind("afterId", Cursors.uuid(page, 1))
                .bind("limit", page.limit() + 1)
                .map((rs, ctx) -> new AiInteraction(
                        Rows.uuid(rs, "id"),
                        new ClientId(Rows.uuid(rs, "client_id")),
                        Rows.optionalString(rs, "session_key"),
                        Rows.optionalString(rs, "conversation_id"),
                        rs.getString("prompt"),
                        Rows.optionalString(rs, "response"),
                        Rows.optionalString(rs, "model_used"),
                        Optional.ofNullable(rs.getBigDecimal("confidence_score")),
                        Rows.instant(rs, "created_at")))
                .list());
        return Page.fromLookahead(
                rows, page.limit(), i -> Cursor.of(i.createdAt().toString(), i.id().toString()));
    }
}
