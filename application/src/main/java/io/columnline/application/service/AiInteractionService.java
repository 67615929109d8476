package io.columnline.application.service;

import io.columnline.application.page.Page;
import io.columnline.application.page.PageRequest;
import io.columnline.application.port.in.AiInteractionsUseCase;
import io.columnline.application.port.out.AiInteractions;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.prospect.AiInteraction;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

public final class AiInteractionService implements AiInteractionsUseCase {
    private final AiInteractions interactions;
    private final ClientAccess access;
    private final Clock clock;

    @Inject
    public AiInteractionService(AiInteractions interactions, ClientAccess access, Clock clock) {
        this.interactions = interactions;
        this.access = access;
        this.clock = clock;
    }

    @Override
    public AiInteraction log(Command command) {
        var client = ClientChoice.resolve(access, command.caller(), command.client());
        var interaction = new AiInteraction(
                UUID.randomUUID(),
                client.id(),
                nonBlank(command.sessionKey()),
                nonBlank(command.conversationId()),
                command.prompt(),
                Optional.ofNullable(command.response()),
                nonBlank(command.modelUsed()),
                Optional.ofNullable(command.confidenceScore()),
                clock.instant());
        interactions.insert(interaction);
        return interaction;
    }

    @Override
    public Page<AiInteraction> list(
            Caller caller,
            Optional<ClientSlug> client,
            Optional<String> sessionKey,
            Optional<String> conversationId,
            PageRequest page) {
        return interactions.list(ClientChoice.resolve(access, caller, client).id(), sessionKey, conversationId, page);
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
