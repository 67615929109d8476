package io.columnline.adapters.postgres;

import static io.columnline.application.contract.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.contract.Fixtures;
import io.columnline.application.contract.RunFixtures;
import io.columnline.application.contract.StepLogContract;
import io.columnline.application.port.out.Clients;
import io.columnline.application.port.out.Runs;
import io.columnline.application.port.out.StepLog;
import io.columnline.domain.client.Client;
import io.columnline.domain.run.Run;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiStepLogTest extends StepLogContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected StepLog steps() {
        return new JdbiStepLog(DB.session());
    }

    @Override
    protected Runs runs() {
        return new JdbiRuns(DB.session());
    }

    @Override
    protected Clients clients() {
        return new JdbiClients(DB.session());
    }

    /** Steps have no foreign key to their run (V10): a run deleted by hand still takes its steps along. */
    @Test
    void deleting_a_run_deletes_its_steps() {
        Client client = Fixtures.client("acme");
        clients().save(client);
        Run run = RunFixtures.run(client);
        Run other = RunFixtures.run(client);
        runs().insert(run);
        runs().insert(other);
        steps().append(List.of(RunFixtures.step(run, "a", 1, "research", NOW)));
        steps().append(List.of(RunFixtures.step(other, "a", 1, "research", NOW)));

        DB.session()
                .useHandle(
                        h -> h.execute("DELETE FROM runs WHERE id = ?", run.id().value()));

        long left = DB.session()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM steps WHERE run_id = :run")
                        .bind("run", run.id().value())
                        .mapTo(Long.class)
                        .one());
        assertThat(left).isZero();
        assertThat(steps().find(
                                other.client(),
                                other.id(),
                                List.of(new io.columnline.domain.run.StepEntry.StepRef("a", 1))))
                .hasSize(1);
    }
}
