package io.columnline.application.knowledge.contract;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.knowledge.port.out.Insights;
import io.columnline.application.shared.Fixtures;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.domain.client.Client;
import io.columnline.domain.knowledge.Insight;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Insights} adapter must do; run against the in-memory and the Postgres one. */
public abstract class InsightsContract {
    protected abstract Insights insights();

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

    private static Insight insight(
            Client client,
            String type,
            String title,
            double confidence,
            int seconds,
            List<String> tags,
            String domain) {
        Instant at = NOW.plusSeconds(seconds);
        return new Insight(
                UUID.randomUUID(),
                client.id(),
                type,
                title,
                Insight.titleKey(title),
                "about " + title,
                confidence,
                tags,
                Optional.empty(),
                Optional.empty(),
                Optional.ofNullable(domain),
                1,
                at,
                at);
    }

    private static Insight next(Insight i, String content, double confidence, int seconds) {
        return new Insight(
                i.id(),
                i.client(),
                i.type(),
                i.title(),
                i.titleKey(),
                content,
                confidence,
                i.tags(),
                i.source(),
                i.run(),
                i.companyDomain(),
                i.version() + 1,
                i.createdAt(),
                i.createdAt().plusSeconds(seconds));
    }

    @Test
    void an_insight_keeps_every_version_with_its_confidence_and_answers_as_it_stands() {
        Insight first = insight(acme, "learning", "Buyers want SSO", 0.4, 0, List.of("security", "sales"), "acme.com");
        insights().save(first);
        Insight second = next(first, "Nearly every buyer asks for SSO", 0.9, 60);
        insights().save(second);

        assertThat(insights().byId(first.id())).contains(second);
        assertThat(insights().byKeyForUpdate(acme.id(), "learning", "buyers want sso"))
                .contains(second);
        assertThat(insights().byKeyForUpdate(acme.id(), "pattern", "buyers want sso"))
                .isEmpty();
        assertThat(insights().byKeyForUpdate(other.id(), "learning", "buyers want sso"))
                .isEmpty();
        List<Insight.Version> history = insights().history(first.id());
        assertThat(history).extracting(Insight.Version::version).containsExactly(1, 2);
        assertThat(history).extracting(Insight.Version::confidence).containsExactly(0.4, 0.9);
        assertThat(history.get(0).tags()).containsExactly("security", "sales");
        assertThat(history.get(1).recordedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void lists_filter_and_page_in_creation_order_and_a_deleted_insight_is_gone_with_its_history() {
        Insight a = insight(acme, "pattern", "A", 0.2, 0, List.of("x"), null);
        Insight b = insight(acme, "learning", "B", 0.8, 1, List.of("x", "y"), "b.com");
        Insight c = insight(acme, "learning", "C", 0.95, 2, List.of(), null);
        Insight theirs = insight(other, "learning", "B", 0.99, 3, List.of("x"), null);
        for (Insight i : List.of(a, b, c, theirs)) {
            insights().save(i);
        }
        Insights.Filter all = new Insights.Filter(
                Optional.of(acme.id()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        Page<Insight> first = insights().list(all, PageRequest.first(2));
        assertThat(first.items()).containsExactly(a, b);
        assertThat(insights().list(all, new PageRequest(2, first.next())).items())
                .containsExactly(c);
        assertThat(insights()
                        .list(
                                new Insights.Filter(
                                        Optional.of(acme.id()),
                                        Optional.of("learning"),
                                        Optional.of("x"),
                                        Optional.of(0.5),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.of("b.com"),
                                        Optional.of(NOW)),
                                PageRequest.first(10))
                        .items())
                .containsExactly(b);
        assertThat(insights()
                        .list(
                                new Insights.Filter(
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.of(0.9),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty()),
                                PageRequest.first(10))
                        .items())
                .containsExactly(c, theirs);

        assertThat(insights().delete(b.id())).isTrue();
        assertThat(insights().delete(b.id())).isFalse();
        assertThat(insights().byId(b.id())).isEmpty();
        assertThat(insights().history(b.id())).isEmpty();
    }
}
