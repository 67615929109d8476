package io.columnline.application.knowledge.contract;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.knowledge.port.out.EventLog;
import io.columnline.application.shared.Fixtures;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.domain.client.Client;
import io.columnline.domain.event.SystemEvent;
import io.columnline.domain.json.JsonDocument;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link EventLog} adapter must do; run against the in-memory and the Postgres one. */
public abstract class EventLogContract {
    protected abstract EventLog log();

    protected abstract Clients clients();

    private Client acme;
    private Client other;

    @BeforeEach
    void clientsExist() {
        acme = Fixtures.client("acme");
        other = Fixtures.client("other");
        clients().save(acme);
        clients().save(other);
    }

    private SystemEvent event(Optional<Client> client, String kind, int minutes) {
        return new SystemEvent(
                0,
                client.map(Client::id),
                kind,
                "host:1",
                NOW.plus(Duration.ofMinutes(minutes)),
                new JsonDocument("{\"n\":" + minutes + "}"));
    }

    @Test
    void events_come_back_in_the_order_appended_with_ids_that_grow() {
        SystemEvent started = log().append(event(Optional.empty(), "serve.started", 0));
        SystemEvent mine = log().append(event(Optional.of(acme), "research.done", 1));
        assertThat(mine.id()).isGreaterThan(started.id());
        assertThat(started.detail().text()).isEqualTo("{\"n\":0}");

        Page<SystemEvent> all = log().list(
                        new EventLog.Filter(Optional.empty(), true, Optional.empty(), Optional.empty()),
                        PageRequest.first(10));
        assertThat(all.items()).containsExactly(started, mine);
        assertThat(all.next()).isEmpty();
    }

    @Test
    void filters_keep_clients_apart_and_system_events_for_those_who_ask() {
        log().append(event(Optional.empty(), "serve.started", 0));
        SystemEvent mine = log().append(event(Optional.of(acme), "research.done", 1));
        SystemEvent mineLater = log().append(event(Optional.of(acme), "source.failed", 5));
        log().append(event(Optional.of(other), "research.done", 2));

        assertThat(log().list(
                                new EventLog.Filter(Optional.of(acme.id()), false, Optional.empty(), Optional.empty()),
                                PageRequest.first(10))
                        .items())
                .containsExactly(mine, mineLater);
        assertThat(log().list(
                                new EventLog.Filter(Optional.empty(), false, Optional.empty(), Optional.empty()),
                                PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(log().list(
                                new EventLog.Filter(
                                        Optional.of(acme.id()), false, Optional.of("research.done"), Optional.empty()),
                                PageRequest.first(10))
                        .items())
                .containsExactly(mine);
        assertThat(log().list(
                                new EventLog.Filter(
                                        Optional.empty(), true, Optional.empty(), Optional.of(NOW.plusSeconds(90))),
                                PageRequest.first(10))
                        .items())
                .extracting(SystemEvent::kind)
                .containsExactly("source.failed", "research.done");
    }

    @Test
    void pages_follow_their_cursor_and_old_events_are_pruned() {
        for (int i = 0; i < 5; i++) {
            log().append(event(Optional.empty(), "tick", i));
        }
        EventLog.Filter all = new EventLog.Filter(Optional.empty(), true, Optional.empty(), Optional.empty());
        Page<SystemEvent> first = log().list(all, PageRequest.first(2));
        assertThat(first.items()).extracting(e -> e.detail().text()).containsExactly("{\"n\":0}", "{\"n\":1}");
        Page<SystemEvent> second = log().list(all, new PageRequest(2, first.next()));
        assertThat(second.items()).extracting(e -> e.detail().text()).containsExactly("{\"n\":2}", "{\"n\":3}");

        assertThat(log().pruneBefore(NOW.plus(Duration.ofMinutes(3)))).isEqualTo(3);
        assertThat(log().list(all, PageRequest.first(10)).items())
                .extracting(e -> e.detail().text())
                .containsExactly("{\"n\":3}", "{\"n\":4}");
    }
}
