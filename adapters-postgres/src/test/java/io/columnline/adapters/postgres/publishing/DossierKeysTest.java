package io.columnline.adapters.postgres.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.adapters.postgres.shared.PostgresDatabase;
import io.columnline.application.publishing.port.in.PublishRunUseCase.Published;
import io.columnline.domain.dossier.PublishOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What migration V11 keeps of the foreign keys it drops from publishing's hot parent rows: deleting
 * a list by hand still removes its memberships, and deleting a client still removes its dossiers.
 */
class DossierKeysTest {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    private long count(String sql) {
        return DB.session().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void deleting_a_list_by_hand_removes_its_memberships() {
        var world = new PublishHarness(DB.session(), "keys-lists");
        world.publish.publish(world.admin, world.written("Acme", "acme.com").id(), PublishOptions.DEFAULT);
        assertThat(count("SELECT count(*) FROM dossier_list_members")).isEqualTo(1);

        DB.session().useHandle(h -> h.execute("DELETE FROM dossier_lists"));

        assertThat(count("SELECT count(*) FROM dossier_list_members")).isZero();
        assertThat(count("SELECT count(*) FROM dossiers")).isEqualTo(1);
    }

    @Test
    void deleting_a_client_by_hand_removes_its_dossiers_through_its_runs() {
        var world = new PublishHarness(DB.session(), "keys-clients");
        Published first = world.publish.publish(
                world.admin, world.written("Acme", "acme.com").id(), PublishOptions.DEFAULT);
        world.publish.publish(world.admin, world.written("Acme", "acme.com").id(), PublishOptions.DEFAULT);
        assertThat(first.created()).isTrue();
        assertThat(count("SELECT count(*) FROM dossiers")).isEqualTo(2);

        DB.session().useHandle(h -> h.execute("DELETE FROM clients"));

        assertThat(count("SELECT count(*) FROM dossiers")).isZero();
        assertThat(count("SELECT count(*) FROM dossier_list_members")).isZero();
        assertThat(count("SELECT count(*) FROM runs")).isZero();
    }
}
