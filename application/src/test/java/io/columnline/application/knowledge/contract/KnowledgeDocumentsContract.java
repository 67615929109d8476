package io.columnline.application.knowledge.contract;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.knowledge.port.out.KnowledgeDocuments;
import io.columnline.application.shared.Fixtures;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.domain.client.Client;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.KnowledgeDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link KnowledgeDocuments} adapter must do; run against the in-memory and the Postgres one. */
public abstract class KnowledgeDocumentsContract {
    protected abstract KnowledgeDocuments documents();

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

    private static KnowledgeDocument doc(Client c, String key, int version, String content) {
        return new KnowledgeDocument(
                c.id(),
                key,
                version,
                key.toUpperCase(java.util.Locale.ROOT),
                content,
                new JsonDocument("{\"v\":" + version + "}"),
                NOW.plusSeconds(version));
    }

    @Test
    void versions_come_back_in_order_and_a_taken_version_is_refused() {
        KnowledgeDocument p1v1 = doc(acme, "p1", 1, "# Vision\n");
        KnowledgeDocument p1v2 = doc(acme, "p1", 2, "# Vision\n\nGrow.\n");
        assertThat(documents().add(p1v1)).isTrue();
        assertThat(documents().add(p1v2)).isTrue();
        assertThat(documents().add(doc(acme, "p1", 2, "clash"))).isFalse();

        assertThat(documents().versions(acme.id(), "p1")).containsExactly(p1v1, p1v2);
        assertThat(documents().latest(acme.id(), "p1")).contains(p1v2);
        assertThat(documents().latest(other.id(), "p1")).isEmpty();
        assertThat(documents().versions(acme.id(), "p2")).isEmpty();
    }

    @Test
    void a_clients_list_holds_each_keys_newest_version_by_key() {
        KnowledgeDocument p2 = doc(acme, "p2", 1, "two");
        KnowledgeDocument p1v2 = doc(acme, "p1", 2, "one again");
        documents().add(p2);
        documents().add(doc(acme, "p1", 1, "one"));
        documents().add(p1v2);
        documents().add(doc(other, "p3", 1, "theirs"));

        assertThat(documents().latestOfClient(acme.id())).containsExactly(p1v2, p2);
    }
}
