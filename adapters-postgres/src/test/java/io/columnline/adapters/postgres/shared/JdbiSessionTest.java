package io.columnline.adapters.postgres.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.adapters.postgres.tenancy.TenancyAdapters;
import io.columnline.application.shared.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiSessionTest {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Test
    void a_failed_transaction_leaves_no_trace_of_any_port_it_touched() {
        var clients = TenancyAdapters.clients(DB.session());
        assertThatThrownBy(() -> DB.session().run(() -> {
                    clients.save(Fixtures.client("first"));
                    clients.save(Fixtures.client("second"));
                    throw new IllegalStateException("fault after two writes");
                }))
                .hasMessage("fault after two writes");

        int rows = DB.database()
                .jdbi()
                .withHandle(h -> h.select("SELECT count(*) FROM clients")
                        .mapTo(Integer.class)
                        .one());
        assertThat(rows).isZero();
    }

    @Test
    void nested_transactions_join_the_outer_one() {
        var clients = TenancyAdapters.clients(DB.session());
        DB.session().run(() -> DB.session().run(() -> clients.save(Fixtures.client("inner"))));
        assertThat(clients.bySlug(new io.columnline.domain.client.ClientSlug("inner")))
                .isPresent();
    }
}
