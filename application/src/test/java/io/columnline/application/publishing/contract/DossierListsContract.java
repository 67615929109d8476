package io.columnline.application.publishing.contract;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.application.publishing.port.out.Batches;
import io.columnline.application.publishing.port.out.DossierLists;
import io.columnline.application.publishing.port.out.Dossiers;
import io.columnline.application.shared.Fixtures;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.domain.batch.Batch;
import io.columnline.domain.client.Client;
import io.columnline.domain.dossier.Dossier;
import io.columnline.domain.dossier.DossierList;
import io.columnline.domain.dossier.ListId;
import io.columnline.domain.run.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link DossierLists} adapter must do; run against the in-memory and the Postgres one. */
public abstract class DossierListsContract {
    protected abstract DossierLists lists();

    protected abstract Dossiers dossiers();

    protected abstract Batches batches();

    protected abstract Runs runs();

    protected abstract Clients clients();

    private Client client() {
        Client client =
                Fixtures.client("lc-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        clients().save(client);
        return client;
    }

    private Dossier dossier(Client client) {
        Run run = DossierFixtures.run(client, DossierFixtures.seed("Acme", "acme.com"), NOW);
        runs().insert(run);
        Batch batch = batches().byName(client.id(), "V2_20261122").orElseGet(() -> {
            Batch b = DossierFixtures.batch(client, run);
            batches().insert(b);
            return b;
        });
        Dossier dossier = DossierFixtures.dossier(run, client, batch, NOW);
        dossiers().insert(dossier, List.of());
        return dossier;
    }

    @Test
    void lists_are_found_by_id_and_by_name_in_any_case_and_names_are_unique_per_client() {
        Client client = client();
        Client other = client();
        DossierList hot = new DossierList(ListId.random(), client.id(), "Hot Leads", NOW);
        lists().insert(hot);
        lists().insert(new DossierList(ListId.random(), other.id(), "Hot Leads", NOW));

        assertThat(lists().byId(hot.id())).contains(hot);
        assertThat(lists().byName(client.id(), "hot leads")).contains(hot);
        assertThat(lists().byName(client.id(), "cold")).isEmpty();
        assertThatThrownBy(() -> lists().insert(new DossierList(ListId.random(), client.id(), "HOT LEADS", NOW)))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void a_client_s_lists_page_by_name() {
        Client client = client();
        client();
        List<DossierList> made = new ArrayList<>();
        for (String name : List.of("delta", "Alpha", "charlie", "Bravo", "echo")) {
            DossierList list = new DossierList(ListId.random(), client.id(), name, NOW);
            lists().insert(list);
            made.add(list);
        }
        List<DossierList> seen = new ArrayList<>();
        Page<DossierList> page = lists().list(client.id(), PageRequest.first(2));
        seen.addAll(page.items());
        while (page.next().isPresent()) {
            page = lists().list(client.id(), new PageRequest(2, page.next()));
            seen.addAll(page.items());
        }
        assertThat(seen).extracting(DossierList::name).containsExactly("Alpha", "Bravo", "charlie", "delta", "echo");
    }

    @Test
    void dossiers_go_on_and_off_lists_once() {
        Client client = client();
        Dossier dossier = dossier(client);
        Dossier bare = dossier(client);
        DossierList b = new DossierList(ListId.random(), client.id(), "B", NOW);
        DossierList a = new DossierList(ListId.random(), client.id(), "a", NOW);
        lists().insert(b);
        lists().insert(a);

        assertThat(lists().add(client.id(), dossier.id(), b.id(), NOW)).isTrue();
        assertThat(lists().add(client.id(), dossier.id(), b.id(), NOW)).isFalse();
        assertThat(lists().add(client.id(), dossier.id(), a.id(), NOW)).isTrue();
        assertThat(lists().ofDossiers(List.of(dossier.id(), bare.id()))).isEqualTo(Map.of(dossier.id(), List.of(a, b)));

        assertThat(lists().remove(dossier.id(), b.id())).isTrue();
        assertThat(lists().remove(dossier.id(), b.id())).isFalse();
        assertThat(lists().ofDossiers(List.of(dossier.id()))).isEqualTo(Map.of(dossier.id(), List.of(a)));
        assertThat(lists().ofDossiers(List.of())).isEmpty();
    }
}
