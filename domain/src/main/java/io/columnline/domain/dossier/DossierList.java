package io.columnline.domain.dossier;

import io.columnline.domain.client.ClientId;
import io.columnline.domain.error.Invalid;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** A named list of a client's dossiers. Every client has an {@code Inbox}, where published dossiers land by default. */
public record DossierList(ListId id, ClientId client, String name, Instant createdAt) {
    public static final String INBOX = "Inbox";
    private static final int MAX_NAME = 200;

    public DossierList {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(createdAt, "createdAt");
        name = checkName(name);
    }

    public static DossierList inbox(ClientId client, Instant now) {
        return new DossierList(ListId.random(), client, INBOX, now);
    }

    /** Names are trimmed; two lists of a client never share a name, whatever its case. */
    public static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new Invalid("name", "is required: the list's name, e.g. Hot leads");
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_NAME) {
            throw new Invalid("name", "must be at most " + MAX_NAME + " characters");
        }
        return trimmed;
    }

    public static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    public boolean isInbox() {
        return INBOX.equals(name);
    }
}
