package io.columnline.application.knowledge.service;

import io.columnline.application.knowledge.port.in.EventsUseCase;
import io.columnline.application.knowledge.port.out.EventLog;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tenancy.port.in.ClientAccess;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.event.SystemEvent;
import io.columnline.domain.json.JsonDocument;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

@Singleton
public final class EventService implements EventsUseCase {
    private static final System.Logger LOG = System.getLogger(EventService.class.getName());
    /** Detail JSON of one event, as text. */
    static final int MAX_DETAIL_LENGTH = 64 * 1024;

    private final EventLog log;
    private final ClientAccess access;
    private final Clock clock;
    private final String instance;
    private final int keepDays;

    @Inject
    public EventService(EventLog log, ClientAccess access, Clock clock, Settings settings) {
        this.log = log;
        this.access = access;
        this.clock = clock;
        this.instance = settings.instance();
        this.keepDays = settings.keepDays();
    }

    /** {@code instance} names this server process in its events; events older than {@code keepDays} go. */
    public record Settings(String instance, int keepDays) {}

    @Override
    public void system(String kind, JsonDocument detail) {
        appendQuietly(Optional.empty(), kind, detail);
    }

    @Override
    public void ofClient(ClientId client, String kind, JsonDocument detail) {
        appendQuietly(Optional.of(client), kind, detail);
    }

    /** The log reports on work; a log that cannot be written must not undo the work. */
    private void appendQuietly(Optional<ClientId> client, String kind, JsonDocument detail) {
        try {
            log.append(new SystemEvent(0, client, kind, instance, clock.instant(), detail));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the event " + kind + " could not be recorded: " + e.getMessage());
        }
    }

    @Override
    public SystemEvent post(Caller caller, Optional<ClientSlug> client, String kind, JsonDocument detail) {
        SystemEvent.checkKind(kind);
        if (!detail.text().startsWith("{")) {
            throw new Invalid("detail", "must be a JSON object");
        }
        if (detail.text().length() > MAX_DETAIL_LENGTH) {
            throw new Invalid("detail", "is longer than " + MAX_DETAIL_LENGTH + " characters of JSON");
        }
        Optional<ClientId> of = client.isPresent() || caller.ownClient().isPresent()
                ? Optional.of(access.chosen(caller, client).id())
                : Optional.empty();
        return log.append(new SystemEvent(0, of, kind, instance, clock.instant(), detail));
    }

    @Override
    public Page<SystemEvent> list(Caller caller, Query query, PageRequest page) {
        query.kind().ifPresent(SystemEvent::checkKind);
        Optional<Client> client = access.named(caller, query.client());
        boolean admin = caller.ownClient().isEmpty();
        return log.list(
                new EventLog.Filter(client.map(Client::id), admin && client.isEmpty(), query.kind(), query.since()),
                page);
    }

    @Override
    public int prune() {
        return log.pruneBefore(clock.instant().minus(Duration.ofDays(keepDays)));
    }
}
