package io.columnline.domain.prospect;

import io.columnline.domain.client.ClientId;
import io.columnline.domain.error.Violations;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** One logged prompt and answer of an AI session, so later sessions can trace and reuse it. */
public record AiInteraction(
        UUID id,
        ClientId client,
        Optional<String> sessionKey,
        Optional<String> conversationId,
        String prompt,
        Optional<String> response,
        Optional<String> modelUsed,
        Optional<BigDecimal> confidenceScore,
        Instant createdAt) {

    public AiInteraction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(sessionKey, "sessionKey");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(modelUsed, "modelUsed");
        Objects.requireNonNull(confidenceScore, "confidenceScore");
        var problems = new Violations();
        if (prompt == null || prompt.isBlank()) {
            problems.add("prompt", "is required");
        }
        if (sessionKey.isEmpty() && conversationId.isEmpty()) {
            problems.add(
                    "session_key", "give a session_key or a conversation_id so the interaction can be found again");
        }
        confidenceScore.ifPresent(score -> {
            if (score.compareTo(BigDecimal.ZERO) < 0 || score.compareTo(BigDecimal.ONE) > 0) {
                problems.add("confidence_score", "must be between 0 and 1");
            }
        });
        problems.throwIfAny();
    }
}
