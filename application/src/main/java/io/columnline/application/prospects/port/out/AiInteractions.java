package io.columnline.application.prospects.port.out;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.prospect.AiInteraction;
import java.util.Optional;

public interface AiInteractions {
    void insert(AiInteraction interaction);

    /** Oldest first, narrowed to a session and/or a conversation when given. */
    Page<AiInteraction> list(
            ClientId client, Optional<String> sessionKey, Optional<String> conversationId, PageRequest page);
}
