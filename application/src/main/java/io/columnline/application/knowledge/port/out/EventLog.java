package io.columnline.application.knowledge.port.out;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.event.SystemEvent;
import java.time.Instant;
import java.util.Optional;

/** The events log: appended to, read oldest first, pruned by age. */
public interface EventLog {
    /** The event as stored, with its id. */
    SystemEvent append(SystemEvent event);

    Page<SystemEvent> list(Filter filter, PageRequest page);

    /** Deletes the events from before {@code before}; how many. */
    int pruneBefore(Instant before);

    /**
     * {@code systemToo} false: only client events, of {@code client} when given. True (admins): the
     * system's events as well, unless a client is named.
     */
    record Filter(Optional<ClientId> client, boolean systemToo, Optional<String> kind, Optional<Instant> since) {}
}
