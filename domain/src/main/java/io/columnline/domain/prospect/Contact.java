package io.columnline.domain.prospect;

import io.columnline.domain.client.ClientId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A person at a company: every stored field of {@link ProspectKind#CONTACTS}. A contact found
 * during a run also names that run and, once published, its dossier.
 */
public record Contact(
        UUID id,
        ClientId client,
        Optional<UUID> companyId,
        Optional<UUID> runId,
        Optional<UUID> dossierId,
        FieldValues values,
        Instant createdAt,
        Instant updatedAt) {

    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(dossierId, "dossierId");
        Objects.requireNonNull(values, "values");
    }

    /** Bounced or unsubscribed: never queued for a campaign again. */
    public boolean suppressed() {
        return Boolean.TRUE.equals(values.get("reply_bounce")) || Boolean.TRUE.equals(values.get("reply_unsubscribe"));
    }
}
