package io.columnline.application.prospects.port.in;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.prospect.AiInteraction;
import java.math.BigDecimal;
import java.util.Optional;

public interface AiInteractionsUseCase {
    AiInteraction log(Command command);

    Page<AiInteraction> list(
            Caller caller,
            Optional<ClientSlug> client,
            Optional<String> sessionKey,
            Optional<String> conversationId,
            PageRequest page);

    record Command(
            Caller caller,
            Optional<ClientSlug> client,
            String sessionKey,
            String conversationId,
            String prompt,
            String response,
            String modelUsed,
            BigDecimal confidenceScore) {}
}
