package io.columnline.domain.prospect;

import io.columnline.domain.client.ClientId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A prospect company of a client: every stored field of {@link ProspectKind#COMPANIES}. */
public record Company(UUID id, ClientId client, FieldValues values, Instant createdAt, Instant updatedAt) {
    public Company {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(values, "values");
    }

    public String name() {
        return (String) values.get("company_name");
    }
}
