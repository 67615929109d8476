package io.columnline.adapters.postgres.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.adapters.postgres.shared.JdbiSession;
import io.columnline.adapters.postgres.shared.PostgresDatabase;
import io.columnline.adapters.postgres.tenancy.TenancyAdapters;
import io.columnline.application.knowledge.port.out.Sources;
import io.columnline.application.shared.Fixtures;
import io.columnline.domain.client.Client;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.Source;
import io.columnline.domain.knowledge.SourceId;
import io.columnline.domain.knowledge.SourceType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Workers of several instances (a session each, as separate processes have) share one queue. */
class JdbiSourcesClaimsTest {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Test
    void concurrent_workers_never_claim_the_same_source_and_together_take_them_all() throws Exception {
        Client acme = Fixtures.client("acme");
        TenancyAdapters.clients(DB.session()).save(acme);
        Sources writer = new JdbiSources(DB.session());
        List<SourceId> added = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Source s = Source.pending(
                    acme.id(),
                    Optional.empty(),
                    1,
                    SourceType.TEXT,
                    "s" + i,
                    "text/plain",
                    HexFormat.of().formatHex(new byte[32]).substring(0, 62) + String.format("%02x", i),
                    1,
                    JsonDocument.EMPTY_OBJECT,
                    Fixtures.NOW.plusMillis(i));
            writer.add(s, new byte[] {(byte) i});
            added.add(s.id());
        }

        int workers = 6;
        ConcurrentLinkedQueue<SourceId> claimed = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Sources instance = new JdbiSources(new JdbiSession(DB.database().jdbi()));
            running.add(pool.submit(() -> {
                start.await();
                Optional<Sources.Claim> claim;
                while ((claim = instance.claimNext(Fixtures.NOW.plusSeconds(1), Duration.ofMinutes(5))).isPresent()) {
                    claimed.add(claim.get().source().id());
                    instance.fail(claim.get(), "done", Fixtures.NOW.plusSeconds(2));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();

        assertThat(claimed).hasSize(60).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(added);
    }
}
