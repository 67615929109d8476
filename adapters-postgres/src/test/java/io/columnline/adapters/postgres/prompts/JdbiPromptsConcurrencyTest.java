package io.columnline.adapters.postgres.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.adapters.postgres.shared.PostgresDatabase;
import io.columnline.application.prompts.port.in.SavePromptUseCase.Draft;
import io.columnline.application.prompts.port.in.SavePromptUseCase.Saved;
import io.columnline.application.prompts.service.PromptService;
import io.columnline.application.shared.Fixtures;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.access.ApiKeyId;
import io.columnline.domain.access.Caller;
import io.columnline.domain.prompt.PromptKey;
import io.columnline.domain.prompt.PromptVersion;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Concurrent saves of one prompt: numbering stays gapless and equal content is stored once. */
class JdbiPromptsConcurrencyTest {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    /** Each lost race is another writer's commit, so this many writers always fit in the session's retries. */
    private static final int WRITERS = 4;

    private static final Caller ADMIN = new Caller.Admin(ApiKeyId.random());
    private final JdbiPrompts prompts = new JdbiPrompts(DB.session());
    private final PromptService service = new PromptService(
            prompts, key -> java.util.Map.of(), DB.session(), Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));

    private List<Saved> race(List<Draft> drafts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(drafts.size());
        try {
            var start = new CountDownLatch(1);
            List<Future<Saved>> futures = new ArrayList<>();
            for (Draft draft : drafts) {
                Callable<Saved> save = () -> {
                    start.await();
                    return service.save(ADMIN, draft);
                };
                futures.add(pool.submit(save));
            }
            start.countDown();
            List<Saved> saved = new ArrayList<>();
            for (Future<Saved> future : futures) {
                saved.add(future.get());
            }
            return saved;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_same_content_saved_at_once_is_stored_once() throws Exception {
        var draft = new Draft("claims", "Extract claims from {{text}}", null, null, List.of("staging"));
        List<Saved> saved = race(java.util.Collections.nCopies(WRITERS, draft));

        assertThat(saved).extracting(s -> s.version().version()).containsOnly(1);
        assertThat(saved).filteredOn(Saved::newVersion).hasSize(1);
        assertThat(prompts.latestVersion(new PromptKey("claims"))).contains(1);
    }

    @Test
    void different_contents_saved_at_once_get_consecutive_versions() throws Exception {
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            drafts.add(new Draft("claims", "variant " + i, null, null, List.of()));
        }
        List<Saved> saved = race(drafts);

        assertThat(saved).extracting(s -> s.version().version()).containsExactlyInAnyOrder(1, 2, 3, 4);
        List<PromptVersion> stored =
                prompts.versions(new PromptKey("claims"), PageRequest.first(10)).items();
        assertThat(stored)
                .extracting(v -> v.content().template().text())
                .containsExactlyInAnyOrder("variant 0", "variant 1", "variant 2", "variant 3");
        assertThat(prompts.byKey(new PromptKey("claims")).orElseThrow().labels())
                .containsOnlyKeys(io.columnline.domain.prompt.PromptLabel.PRODUCTION);
    }
}
