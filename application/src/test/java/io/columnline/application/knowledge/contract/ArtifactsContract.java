package io.columnline.application.knowledge.contract;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.knowledge.port.out.Artifacts;
import io.columnline.application.shared.Fixtures;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.domain.client.Client;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.Artifact;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Artifacts} adapter must do; run against the in-memory and the Postgres one. */
public abstract class ArtifactsContract {
    protected abstract Artifacts artifacts();

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

    private static Artifact text(Client c, String key, int version, String kind, String text, int seconds) {
        return new Artifact(
                UUID.randomUUID(),
                c.id(),
                key,
                version,
                kind,
                "text/markdown",
                Optional.of(text),
                Optional.empty(),
                "sha-" + text,
                text.length(),
                Optional.empty(),
                new JsonDocument("{\"v\":" + version + "}"),
                NOW.plusSeconds(seconds));
    }

    @Test
    void versions_come_back_exactly_text_as_text_and_bytes_as_bytes() {
        Artifact v1 = text(acme, "sync.py", 1, "script", "print(1)", 0);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        Artifact v2 = new Artifact(
                UUID.randomUUID(),
                acme.id(),
                "sync.py",
                2,
                "script",
                "image/png",
                Optional.empty(),
                Optional.of(png),
                "sha-png",
                png.length,
                Optional.empty(),
                JsonDocument.EMPTY_OBJECT,
                NOW.plusSeconds(5));
        assertThat(artifacts().add(v1)).isTrue();
        assertThat(artifacts().add(v2)).isTrue();
        assertThat(artifacts().add(text(acme, "sync.py", 2, "script", "clash", 6)))
                .isFalse();

        assertThat(artifacts().latest(acme.id(), "sync.py")).contains(v2);
        assertThat(artifacts()
                        .latest(acme.id(), "sync.py")
                        .orElseThrow()
                        .bytes()
                        .orElseThrow())
                .containsExactly(png);
        assertThat(artifacts().version(acme.id(), "sync.py", 1)).contains(v1);
        assertThat(artifacts().version(acme.id(), "sync.py", 3)).isEmpty();
        assertThat(artifacts().versions(acme.id(), "sync.py")).containsExactly(v1, v2);
        assertThat(artifacts().latest(other.id(), "sync.py")).isEmpty();
    }

    @Test
    void the_list_holds_each_keys_newest_version_in_the_order_keys_began() {
        Artifact a1 = text(acme, "a", 1, "script", "a1", 0);
        Artifact b1 = text(acme, "b", 1, "report", "b1", 1);
        Artifact a2 = text(acme, "a", 2, "script", "a2", 2);
        Artifact c1 = text(acme, "c", 1, "script", "c1", 3);
        Artifact theirs = text(other, "a", 1, "script", "x", 4);
        for (Artifact x : List.of(a1, b1, a2, c1, theirs)) {
            artifacts().add(x);
        }
        Artifacts.Filter mine = new Artifacts.Filter(Optional.of(acme.id()), Optional.empty(), Optional.empty());
        Page<Artifact> first = artifacts().list(mine, PageRequest.first(2));
        assertThat(first.items()).containsExactly(a2, b1);
        assertThat(artifacts().list(mine, new PageRequest(2, first.next())).items())
                .containsExactly(c1);
        assertThat(artifacts()
                        .list(
                                new Artifacts.Filter(Optional.of(acme.id()), Optional.of("script"), Optional.empty()),
                                PageRequest.first(10))
                        .items())
                .containsExactly(a2, c1);
    }
}
