package io.columnline.application.knowledge.contract;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.knowledge.port.out.ResearchCache;
import io.columnline.application.knowledge.port.out.ResearchCache.GroupBy;
import io.columnline.application.knowledge.port.out.ResearchCache.StatsRow;
import io.columnline.application.shared.Fixtures;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.application.tracking.contract.RunFixtures;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.domain.client.Client;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.CacheEntry;
import io.columnline.domain.knowledge.CacheLookup;
import io.columnline.domain.knowledge.CacheMatch;
import io.columnline.domain.run.CacheUse;
import io.columnline.domain.run.Run;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ResearchCache} adapter must do; run against the in-memory and the Postgres one. */
public abstract class ResearchCacheContract {
    protected abstract ResearchCache cache();

    protected abstract Clients clients();

    protected abstract Runs runs();

    private Client acme;
    private Client other;

    @BeforeEach
    void clientsExist() {
        acme = Fixtures.client("acme");
        other = Fixtures.client("other");
        clients().save(acme);
        clients().save(other);
    }

    private CacheEntry entry(Client client, String key, String content, Instant at, Optional<Run> run, String cost) {
        return new CacheEntry(
                UUID.randomUUID(),
                client.id(),
                key.toUpperCase(java.util.Locale.ROOT),
                key,
                content,
                content.hashCode() + "-sha",
                run.map(Run::id),
                new BigDecimal(cost),
                new JsonDocument("{\"by\":\"test\"}"),
                at,
                Optional.empty());
    }

    @Test
    void an_entry_comes_back_as_stored_and_the_newest_live_one_of_a_topic_answers() {
        CacheEntry old = entry(acme, "acme market", "old", NOW.minus(Duration.ofDays(3)), Optional.empty(), "1.50");
        CacheEntry newer = entry(acme, "acme market", "new", NOW.minus(Duration.ofDays(1)), Optional.empty(), "2");
        CacheEntry elsewhere = entry(other, "acme market", "theirs", NOW, Optional.empty(), "9");
        assertThat(cache().add(old)).isTrue();
        assertThat(cache().add(newer)).isTrue();
        assertThat(cache().add(elsewhere)).isTrue();

        assertThat(cache().byId(old.id())).contains(old);
        assertThat(cache().byId(old.id()).orElseThrow().costUsd()).isEqualTo(new BigDecimal("1.5"));
        Map<String, CacheEntry> found =
                cache().newest(acme.id(), List.of("acme market", "nothing here"), NOW.minus(Duration.ofDays(7)));
        assertThat(found).containsOnlyKeys("acme market");
        assertThat(found.get("acme market")).isEqualTo(newer);
        assertThat(cache().newest(acme.id(), List.of("acme market"), NOW.minus(Duration.ofHours(12))))
                .isEmpty();
        assertThat(cache().byId(UUID.randomUUID())).isEmpty();
    }

    @Test
    void the_same_content_of_a_topic_is_one_live_entry_until_it_is_invalidated() {
        CacheEntry first = entry(acme, "t", "same", NOW, Optional.empty(), "1");
        CacheEntry again = entry(acme, "t", "same", NOW.plusSeconds(5), Optional.empty(), "1");
        assertThat(cache().add(first)).isTrue();
        assertThat(cache().add(again)).isFalse();
        assertThat(cache().byId(again.id())).isEmpty();
        assertThat(cache().sameContent(acme.id(), "t", first.contentSha256())).contains(first);
        assertThat(cache().sameContent(other.id(), "t", first.contentSha256())).isEmpty();

        assertThat(cache().invalidate(first.id(), NOW.plusSeconds(10))).isTrue();
        assertThat(cache().invalidate(first.id(), NOW.plusSeconds(11))).isFalse();
        assertThat(cache().byId(first.id()).orElseThrow().invalidatedAt()).contains(NOW.plusSeconds(10));
        assertThat(cache().newest(acme.id(), List.of("t"), NOW.minusSeconds(60)))
                .isEmpty();
        assertThat(cache().add(again)).isTrue();
    }

    @Test
    void invalidating_a_topic_touches_only_that_clients_live_entries_of_it() {
        cache().add(entry(acme, "t", "a", NOW, Optional.empty(), "1"));
        cache().add(entry(acme, "t", "b", NOW, Optional.empty(), "1"));
        cache().add(entry(acme, "u", "c", NOW, Optional.empty(), "1"));
        cache().add(entry(other, "t", "d", NOW, Optional.empty(), "1"));

        assertThat(cache().invalidateTopic(acme.id(), "t", NOW.plusSeconds(1))).isEqualTo(2);
        assertThat(cache().invalidateTopic(acme.id(), "t", NOW.plusSeconds(2))).isZero();
        assertThat(cache().newest(acme.id(), List.of("t", "u"), NOW.minusSeconds(1)))
                .containsOnlyKeys("u");
        assertThat(cache().newest(other.id(), List.of("t"), NOW.minusSeconds(1)))
                .containsOnlyKeys("t");
    }

    @Test
    void topic_vectors_keep_the_first_one_and_come_back_after_a_seq_in_the_order_added() {
        cache().addTopic(acme.id(), "a", "mini", new float[] {1f, 0f});
        cache().addTopic(acme.id(), "b", "mini", new float[] {0f, 1f});
        cache().addTopic(acme.id(), "a", "mini", new float[] {0.5f, 0.5f});
        cache().addTopic(acme.id(), "a", "other", new float[] {0.25f});
        cache().addTopic(other.id(), "c", "mini", new float[] {0.6f, 0.8f});

        assertThat(cache().hasTopic(acme.id(), "a", "mini")).isTrue();
        assertThat(cache().hasTopic(acme.id(), "c", "mini")).isFalse();
        List<ResearchCache.TopicVector> all = cache().topicsAfter(acme.id(), "mini", 0);
        assertThat(all).extracting(ResearchCache.TopicVector::topicKey).containsExactly("a", "b");
        assertThat(all.get(0).vector()).containsExactly(1f, 0f);
        assertThat(all.get(0).seq()).isLessThan(all.get(1).seq());
        assertThat(cache().topicsAfter(acme.id(), "mini", all.get(0).seq()))
                .extracting(ResearchCache.TopicVector::topicKey)
                .containsExactly("b");
        assertThat(cache().topicsAfter(acme.id(), "mini", all.get(1).seq())).isEmpty();
    }

    @Test
    void lookups_add_up_per_day_per_run_and_for_a_run() {
        Run first = RunFixtures.run(acme);
        Run second = RunFixtures.run(acme);
        runs().insert(first);
        runs().insert(second);
        CacheEntry e = entry(acme, "t", "found", NOW, Optional.of(first), "0.75");
        cache().add(e);
        Instant day2 = NOW.plus(Duration.ofDays(1));
        cache().record(miss(acme, Optional.of(first), NOW));
        cache().record(hit(acme, Optional.of(second), e, day2));
        cache().record(hit(acme, Optional.empty(), e, day2.plusSeconds(1)));
        cache().record(miss(other, Optional.empty(), day2));

        List<StatsRow> byDay = cache().stats(Optional.of(acme.id()), Optional.empty(), Optional.empty(), GroupBy.DAY);
        String d1 = NOW.atOffset(java.time.ZoneOffset.UTC).toLocalDate().toString();
        String d2 = day2.atOffset(java.time.ZoneOffset.UTC).toLocalDate().toString();
        assertThat(byDay)
                .containsExactly(
                        new StatsRow(Optional.of(d1), 1, 0, BigDecimal.ZERO),
                        new StatsRow(Optional.of(d2), 2, 2, new BigDecimal("1.5")));
        assertThat(cache().stats(Optional.of(acme.id()), Optional.empty(), Optional.empty(), GroupBy.RUN))
                .containsExactly(
                        new StatsRow(Optional.of(first.id().toString()), 1, 0, BigDecimal.ZERO),
                        new StatsRow(Optional.of(second.id().toString()), 1, 1, new BigDecimal("0.75")),
                        new StatsRow(Optional.empty(), 1, 1, new BigDecimal("0.75")));
        assertThat(cache().stats(Optional.empty(), Optional.of(day2), Optional.of(day2.plusSeconds(1)), GroupBy.DAY))
                .containsExactly(new StatsRow(Optional.of(d2), 2, 1, new BigDecimal("0.75")));
        assertThat(cache().ofRun(second.id())).isEqualTo(new CacheUse(1, 1, new BigDecimal("0.75")));
        assertThat(cache().ofRun(first.id())).isEqualTo(new CacheUse(1, 0, BigDecimal.ZERO));
        assertThat(cache().ofRun(RunFixtures.run(acme).id())).isEqualTo(CacheUse.NONE);
    }

    private static CacheLookup miss(Client client, Optional<Run> run, Instant at) {
        return new CacheLookup(
                UUID.randomUUID(),
                client.id(),
                "t",
                run.map(Run::id),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                BigDecimal.ZERO,
                at);
    }

    private static CacheLookup hit(Client client, Optional<Run> run, CacheEntry entry, Instant at) {
        return new CacheLookup(
                UUID.randomUUID(),
                client.id(),
                "t",
                run.map(Run::id),
                Optional.of(CacheMatch.EXACT),
                Optional.of(1.0),
                Optional.of(entry.id()),
                entry.costUsd(),
                at);
    }
}
