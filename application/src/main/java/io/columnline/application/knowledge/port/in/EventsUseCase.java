package io.columnline.application.knowledge.port.in;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.event.SystemEvent;
import io.columnline.domain.json.JsonDocument;
import java.time.Instant;
import java.util.Optional;

/** The system's events log: what the server records of itself, and what pipelines add. */
public interface EventsUseCase {
    int DEFAULT_KEEP_DAYS = 90;

    /** An event of the system itself (no client). Never fails the work it reports on. */
    void system(String kind, JsonDocument detail);

    /** An event about one client, recorded by the system. Never fails the work it reports on. */
    void ofClient(ClientId client, String kind, JsonDocument detail);

    /** A client key's event is its client's; an admin's names a client or is a system event. */
    SystemEvent post(Caller caller, Optional<ClientSlug> client, String kind, JsonDocument detail);

    /** Oldest first. Client keys see their own client's events only; admins see the system's too. */
    Page<SystemEvent> list(Caller caller, Query query, PageRequest page);

    /** Deletes events older than the days kept; how many. */
    int prune();

    record Query(Optional<String> client, Optional<String> kind, Optional<Instant> since) {}
}
