package io.columnline.application.prospects.service;

import io.columnline.application.prospects.port.in.AiInteractionsUseCase;
import io.columnline.application.prospects.port.out.AiInteractions;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tenancy.port.in.ClientAccess;
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
        var client = access.chosen(command.caller(), command.client());
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
        return interactions.list(access.chosen(caller, client).id(), sessionKey, conversationId, page);
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
