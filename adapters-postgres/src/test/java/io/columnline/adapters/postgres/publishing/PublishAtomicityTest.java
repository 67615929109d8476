package io.columnline.adapters.postgres.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.PostgresDatabase;
import io.columnline.adapters.postgres.shared.TestPostgres;
import io.columnline.application.publishing.port.in.PublishRunUseCase.Published;
import io.columnline.domain.dossier.PublishOptions;
import io.columnline.domain.run.Run;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Publish is atomic and serialised where it must be, proved on PostgreSQL itself: the server
 * kills the connection at random points inside publish, and parallel publishes of one company
 * race each other.
 */
class PublishAtomicityTest {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    /**
     * Kills the publishing transaction's connection from a second connection (pg_terminate_backend,
     * waiting until the backend is gone) right before the armed statement, or before COMMIT.
     */
    static final class Killer implements SqlLogger {
        private final String url;
        private final AtomicInteger statements = new AtomicInteger();
        private volatile int killBefore = -1;
        private volatile boolean killed;

        Killer(String url) {
            this.url = url;
        }

        void arm(int statement) {
            statements.set(0);
            killed = false;
            killBefore = statement;
        }

        void disarm() {
            killBefore = -1;
        }

        int counted() {
            return statements.get();
        }

        @Override
        public void logBeforeExecution(StatementContext context) {
            if (statements.incrementAndGet() == killBefore) {
                kill(context.getConnection());
            }
        }

        /** Commit is the statement after the last one. */
        void beforeCommit(Connection connection) {
            if (statements.get() + 1 == killBefore) {
                kill(connection);
            }
        }

        private void kill(Connection victim) {
            try (Connection killer = DriverManager.getConnection(url)) {
                int pid = victim.unwrap(org.postgresql.PGConnection.class).getBackendPID();
                try (var statement = killer.prepareStatement("SELECT pg_terminate_backend(?, 10000)")) {
                    statement.setInt(1, pid);
                    statement.executeQuery().close();
                }
                killed = true;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Connections whose commit passes by the killer first. */
    private static DataSource watched(DataSource pool, Killer killer) {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(pool, method, args);
                    if (result instanceof Connection connection) {
                        InvocationHandler handler = (p, m, a) -> {
                            if (m.getName().equals("commit")) {
                                killer.beforeCommit(connection);
                            }
                            return invoke(connection, m, a);
                        };
                        return Proxy.newProxyInstance(
                                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Map<String, Long> footprint(Run run) {
        return DB.database().jdbi().withHandle(h -> {
            Map<String, Long> counts = new HashMap<>();
            counts.put(
                    "dossiers",
                    h.createQuery("SELECT count(*) FROM dossiers WHERE run_id = :run")
                            .bind("run", run.id().value())
                            .mapTo(Long.class)
                            .one());
            counts.put(
                    "sections",
                    h.createQuery("SELECT coalesce(sum(json_array_length(d.sections)), 0) FROM dossiers d"
                                    + " WHERE d.run_id = :run")
                            .bind("run", run.id().value())
                            .mapTo(Long.class)
                            .one());
            counts.put(
                    "contacts",
                    h.createQuery("SELECT count(*) FROM contacts k JOIN dossiers d ON d.run_id = k.run_id"
                                    + " WHERE d.run_id = :run")
                            .bind("run", run.id().value())
                            .mapTo(Long.class)
                            .one());
            counts.put(
                    "memberships",
                    h.createQuery("SELECT count(*) FROM dossier_list_members m JOIN dossiers d"
                                    + " ON d.id = m.dossier_id WHERE d.run_id = :run")
                            .bind("run", run.id().value())
                            .mapTo(Long.class)
                            .one());
            counts.put(
                    "published",
                    h.createQuery("SELECT count(*) FROM runs WHERE id = :run AND status = 'published'")
                            .bind("run", run.id().value())
                            .mapTo(Long.class)
                            .one());
            counts.put(
                    "batch_published",
                    h.createQuery("SELECT count(*) FROM batch_runs br JOIN runs r ON r.id = br.run_id"
                                    + " WHERE r.status = 'published'")
                            .mapTo(Long.class)
                            .one());
            counts.put(
                    "superseded",
                    h.createQuery("SELECT count(*) FROM dossiers WHERE status = 'superseded'")
                            .mapTo(Long.class)
                            .one());
            return counts;
        });
    }

    @Test
    void a_connection_killed_anywhere_inside_publish_leaves_no_trace_and_a_retry_publishes_exactly_once() {
        String url = TestPostgres.url(DB.database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT current_database()")
                        .mapTo(String.class)
                        .one()));
        Killer killer = new Killer(url);
        Jdbi jdbi = Jdbi.create(watched(DB.database().dataSource(), killer));
        jdbi.setSqlLogger(killer);
        PublishHarness world = new PublishHarness(new JdbiSession(jdbi), "faults");

        // a clean publish counts the statements a publish makes (a superseding one makes the most), once
        // what a publish remembers (the Inbox, the section definitions) is known, as in every round
        world.publish.publish(world.admin, world.written("Acme", "acme.com").id(), PublishOptions.DEFAULT);
        world.publish.publish(world.admin, world.written("Acme", "acme.com").id(), PublishOptions.DEFAULT);
        Run measured = world.written("Acme", "acme.com");
        killer.arm(-1);
        world.publish.publish(world.admin, measured.id(), PublishOptions.DEFAULT);
        int statements = killer.counted();
        // the run with its client, batch and rerun; its sections; the company's lock; the dossier it
        // supersedes; the publication (and then the commit)
        assertThat(statements).isEqualTo(5);

        Random random = new Random(20261122);
        int failures = 0;
        for (int round = 0; round < 50; round++) {
            Run run = world.written("Acme", "acme.com");
            Map<String, Long> before = footprint(run);
            int point = 1 + random.nextInt(statements + 1); // statement 1..n, or n + 1 = the commit
            killer.arm(point);
            boolean threw = false;
            try {
                world.publish.publish(world.admin, run.id(), PublishOptions.DEFAULT);
            } catch (RuntimeException e) {
                threw = true;
            }
            killer.disarm();
            assertThat(killer.killed).as("round %d killed at %d", round, point).isTrue();
            assertThat(threw)
                    .as("round %d: a killed connection fails the publish", round)
                    .isTrue();
            failures++;
            assertThat(footprint(run))
                    .as("round %d killed before statement %d of %d", round, point, statements)
                    .isEqualTo(before);

            Published retried = world.publish.publish(world.admin, run.id(), PublishOptions.DEFAULT);
            assertThat(retried.created()).isTrue();
            Map<String, Long> after = footprint(run);
            assertThat(after.get("dossiers")).isEqualTo(1);
            assertThat(after.get("sections")).isEqualTo(PublishHarness.SECTIONS);
            assertThat(after.get("contacts")).isEqualTo(PublishHarness.CONTACTS);
            assertThat(after.get("memberships")).isEqualTo(1);
            assertThat(after.get("published")).isEqualTo(1);
            assertThat(after.get("batch_published")).isEqualTo(before.get("batch_published") + 1);
            assertThat(after.get("superseded")).isEqualTo(before.get("superseded") + 1);
            assertThat(world.publish
                            .publish(world.admin, run.id(), PublishOptions.DEFAULT)
                            .created())
                    .isFalse();
        }
        assertThat(failures).isEqualTo(50);
        assertLinearChains();
    }

    @Test
    void twenty_parallel_publishes_for_one_company_leave_one_live_dossier_and_a_linear_chain() throws Exception {
        PublishHarness world = new PublishHarness(DB.session(), "racers");
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            runs.add(world.written("Acme " + i, i % 2 == 0 ? "acme.com" : "https://www.ACME.com/" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<Published>> publishes = new ArrayList<>();
            for (Run run : runs) {
                publishes.add(() -> {
                    start.await();
                    return world.publish.publish(world.admin, run.id(), PublishOptions.DEFAULT);
                });
            }
            List<Future<Published>> answers = new ArrayList<>();
            publishes.forEach(p -> answers.add(pool.submit(p)));
            start.countDown();
            for (Future<Published> answer : answers) {
                assertThat(answer.get().created()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }

        long live = DB.database()
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT count(*) FROM dossiers WHERE company_domain = 'acme.com' AND status <> 'superseded'")
                        .mapTo(Long.class)
                        .one());
        assertThat(live).isEqualTo(1);
        assertThat(assertLinearChains()).containsExactly(20);
        long counted = DB.database()
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT count(*) FROM batch_runs br JOIN runs r ON r.id = br.run_id WHERE r.status = 'published'")
                        .mapTo(Long.class)
                        .one());
        assertThat(counted).isEqualTo(20);
    }

    /** Every chain starts at a dossier superseding none, links both ways, and ends at its one live dossier. */
    private static List<Integer> assertLinearChains() {
        record Link(UUID id, UUID supersedes, UUID supersededBy, String status) {}
        List<Link> links = DB.database()
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT id, supersedes_dossier_id, superseded_by_dossier_id, status FROM dossiers")
                        .map((rs, ctx) -> new Link(
                                rs.getObject(1, UUID.class),
                                rs.getObject(2, UUID.class),
                                rs.getObject(3, UUID.class),
                                rs.getString(4)))
                        .list());
        Map<UUID, Link> byId = new HashMap<>();
        links.forEach(l -> byId.put(l.id(), l));
        List<Integer> lengths = new ArrayList<>();
        int seen = 0;
        for (Link root : links.stream().filter(l -> l.supersedes() == null).toList()) {
            int length = 1;
            Link at = root;
            while (at.supersededBy() != null) {
                Link next = byId.get(at.supersededBy());
                assertThat(next.supersedes()).isEqualTo(at.id());
                assertThat(at.status()).isEqualTo("superseded");
                at = next;
                length++;
            }
            assertThat(at.status()).isNotEqualTo("superseded");
            lengths.add(length);
            seen += length;
        }
        assertThat(seen).isEqualTo(links.size());
        return lengths;
    }
}
