package io.columnline.application.knowledge.contract;

import static io.columnline.application.shared.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.knowledge.port.out.Sources;
import io.columnline.application.shared.Fixtures;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tenancy.port.out.Clients;
import io.columnline.domain.client.Client;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.Source;
import io.columnline.domain.knowledge.SourceChunk;
import io.columnline.domain.knowledge.SourceStatus;
import io.columnline.domain.knowledge.SourceType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Sources} adapter must do; run against the in-memory and the Postgres one. */
public abstract class SourcesContract {
    protected abstract Sources sources();

    protected abstract Clients clients();

    private static final Duration LEASE = Duration.ofMinutes(5);

    private Client acme;
    private Client other;

    @BeforeEach
    void clientsExist() {
        acme = Fixtures.client("acme");
        other = Fixtures.client("other");
        clients().save(acme);
        clients().save(other);
    }

    private Source source(Client client, String key, int version, String hash, int secondsAfter) {
        return Source.pending(
                client.id(),
                Optional.ofNullable(key),
                version,
                SourceType.MARKDOWN,
                "Handbook",
                "text/markdown",
                hash.repeat(64 / hash.length()),
                5,
                new JsonDocument("{\"team\":\"sales\"}"),
                NOW.plusSeconds(secondsAfter));
    }

    private static SourceChunk chunk(Source source, int index, String text) {
        return new SourceChunk(
                UUID.randomUUID(), source.id(), index, text, 3, new JsonDocument("{\"start\":" + index * 10 + "}"));
    }

    @Test
    void an_added_source_comes_back_with_its_bytes_by_id_hash_and_key() {
        Source handbook = source(acme, "handbook", 1, "ab", 0);
        byte[] bytes = "# Hi\n".getBytes(StandardCharsets.UTF_8);
        sources().add(handbook, bytes);

        assertThat(sources().byId(handbook.id())).contains(handbook);
        assertThat(sources().content(handbook.id()))
                .hasValueSatisfying(c -> assertThat(c).isEqualTo(bytes));
        assertThat(sources().byHash(acme.id(), handbook.sha256())).contains(handbook);
        assertThat(sources().byHash(other.id(), handbook.sha256())).isEmpty();
        assertThat(sources().latestOfKey(acme.id(), "handbook")).contains(handbook);
        assertThat(sources().latestOfKey(other.id(), "handbook")).isEmpty();
    }

    @Test
    void a_pending_source_is_claimed_once_and_again_only_after_its_lease_ends() {
        Source first = source(acme, null, 1, "01", 0);
        Source second = source(acme, null, 1, "02", 1);
        sources().add(second, new byte[] {2});
        sources().add(first, new byte[] {1});

        Sources.Claim claim = Fixtures.present(sources().claimNext(NOW.plusSeconds(10), LEASE));
        assertThat(claim.source().id()).isEqualTo(first.id());
        assertThat(claim.source().status()).isEqualTo(SourceStatus.PROCESSING);
        assertThat(claim.attempts()).isEqualTo(1);
        assertThat(Fixtures.present(sources().claimNext(NOW.plusSeconds(10), LEASE))
                        .source()
                        .id())
                .isEqualTo(second.id());
        assertThat(sources().claimNext(NOW.plusSeconds(10), LEASE)).isEmpty();

        Sources.Claim retaken = Fixtures.present(
                sources().claimNext(NOW.plusSeconds(10).plus(LEASE).plusSeconds(1), LEASE));
        assertThat(retaken.source().id()).isEqualTo(first.id());
        assertThat(retaken.attempts()).isEqualTo(2);
        assertThat(sources().complete(claim, List.of(chunk(first, 0, "late")), 3, NOW.plusSeconds(20)))
                .as("the lease was lost")
                .isFalse();
        assertThat(sources().fail(claim, "late", NOW.plusSeconds(20))).isFalse();
        assertThat(sources().byId(first.id()).map(Source::status)).contains(SourceStatus.PROCESSING);
    }

    @Test
    void completing_stores_the_chunks_in_order_and_replaces_the_older_versions_of_the_key() {
        Source v1 = source(acme, "handbook", 1, "a1", 0);
        sources().add(v1, new byte[] {1});
        Sources.Claim first = Fixtures.present(sources().claimNext(NOW.plusSeconds(1), LEASE));
        sources().complete(first, List.of(chunk(v1, 0, "old")), 3, NOW.plusSeconds(2));
        Source v2 = source(acme, "handbook", 2, "a2", 3);
        sources().add(v2, new byte[] {2});
        Source othersHandbook = source(other, "handbook", 1, "a3", 4);
        sources().add(othersHandbook, new byte[] {3});

        Sources.Claim second = Fixtures.present(sources().claimNext(NOW.plusSeconds(5), LEASE));
        assertThat(sources().chunks(v1.id(), PageRequest.first(10)).items())
                .extracting(SourceChunk::content)
                .as("the old version stays searchable while the new one is processed")
                .containsExactly("old");
        List<SourceChunk> chunks = List.of(chunk(v2, 0, "new one"), chunk(v2, 1, "new two"), chunk(v2, 2, "new three"));
        assertThat(sources().complete(second, chunks, 9, NOW.plusSeconds(6))).isTrue();

        Source ready = Fixtures.present(sources().byId(v2.id()));
        assertThat(ready.status()).isEqualTo(SourceStatus.READY);
        assertThat(ready.tokenCount()).contains(9);
        assertThat(ready.chunkCount()).isEqualTo(3);
        assertThat(ready.processedAt()).contains(NOW.plusSeconds(6));
        assertThat(sources().byId(v1.id())).isEmpty();
        assertThat(sources().content(v1.id())).isEmpty();
        assertThat(sources().chunks(v1.id(), PageRequest.first(10)).items()).isEmpty();
        assertThat(sources().byId(othersHandbook.id())).isPresent();

        var page = sources().chunks(v2.id(), PageRequest.first(2));
        assertThat(page.items()).containsExactlyElementsOf(chunks.subList(0, 2));
        assertThat(sources().chunks(v2.id(), new PageRequest(2, page.next())).items())
                .containsExactly(chunks.get(2));
    }

    @Test
    void failing_keeps_the_reason_and_ends_the_claim() {
        Source pdf = source(acme, null, 1, "ee", 0);
        sources().add(pdf, new byte[] {1});
        Sources.Claim claim = Fixtures.present(sources().claimNext(NOW.plusSeconds(1), LEASE));

        assertThat(sources().fail(claim, "the PDF is encrypted", NOW.plusSeconds(2)))
                .isTrue();

        Source failed = Fixtures.present(sources().byId(pdf.id()));
        assertThat(failed.status()).isEqualTo(SourceStatus.ERROR);
        assertThat(failed.error()).contains("the PDF is encrypted");
        assertThat(sources().claimNext(NOW.plus(LEASE).plusSeconds(60), LEASE)).isEmpty();
    }

    @Test
    void list_filters_by_client_status_type_and_key_in_pages() {
        Source a = source(acme, "a", 1, "0a", 0);
        Source b = source(acme, null, 1, "0b", 1);
        Source c = source(acme, null, 1, "0c", 2);
        Source foreign = source(other, "a", 1, "0d", 3);
        for (Source s : List.of(c, foreign, a, b)) {
            sources().add(s, new byte[] {1});
        }
        var onlyAcme = new Sources.Filter(Optional.of(acme.id()), Optional.empty(), Optional.empty(), Optional.empty());

        var first = sources().list(onlyAcme, PageRequest.first(2));
        assertThat(first.items()).containsExactly(a, b);
        assertThat(sources().list(onlyAcme, new PageRequest(2, first.next())).items())
                .containsExactly(c);
        assertThat(sources()
                        .list(
                                new Sources.Filter(
                                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("a")),
                                PageRequest.first(10))
                        .items())
                .containsExactly(a, foreign);
        assertThat(sources()
                        .list(
                                new Sources.Filter(
                                        Optional.of(acme.id()),
                                        Optional.of(SourceStatus.READY),
                                        Optional.empty(),
                                        Optional.empty()),
                                PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(sources()
                        .list(
                                new Sources.Filter(
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.of(SourceType.PDF),
                                        Optional.empty()),
                                PageRequest.first(10))
                        .items())
                .isEmpty();
    }

    @Test
    void deleting_removes_the_source_its_bytes_and_its_chunks() {
        Source s = source(acme, null, 1, "dd", 0);
        sources().add(s, new byte[] {1});
        Sources.Claim claim = Fixtures.present(sources().claimNext(NOW.plusSeconds(1), LEASE));
        sources().complete(claim, List.of(chunk(s, 0, "x")), 1, NOW.plusSeconds(2));

        assertThat(sources().delete(s.id())).isTrue();
        assertThat(sources().delete(s.id())).isFalse();
        assertThat(sources().byId(s.id())).isEmpty();
        assertThat(sources().content(s.id())).isEmpty();
        assertThat(sources().chunks(s.id(), PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void chunks_sent_embedded_are_kept_with_their_source_until_it_is_completed() {
        Source given = source(acme, "given", 1, "5e", 0);
        sources().add(given, new byte[] {1});
        sources()
                .addSupplied(
                        given.id(),
                        List.of(
                                new Sources.Supplied(
                                        0, "zero", new JsonDocument("{\"p\":1}"), "m", new float[] {0.5f, -2f}),
                                new Sources.Supplied(
                                        1, "one", JsonDocument.EMPTY_OBJECT, "m", new float[] {1f, 3.4e38f})));
        Source plain = source(acme, "plain", 1, "5f", 1);
        sources().add(plain, new byte[] {2});

        List<Sources.Supplied> back = sources().supplied(given.id());
        assertThat(back)
                .extracting(Sources.Supplied::chunkIndex, Sources.Supplied::content, Sources.Supplied::model)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, "zero", "m"),
                        org.assertj.core.groups.Tuple.tuple(1, "one", "m"));
        assertThat(back.get(0).embedding()).containsExactly(0.5f, -2f);
        assertThat(back.get(1).embedding()).containsExactly(1f, 3.4e38f);
        assertThat(back.get(0).metadata().text()).contains("\"p\"");
        assertThat(sources().supplied(plain.id())).isEmpty();

        Sources.Claim claim = sources().claimNext(NOW.plusSeconds(5), LEASE).orElseThrow();
        assertThat(claim.source().id()).isEqualTo(given.id());
        assertThat(sources().complete(claim, List.of(chunk(given, 0, "zero")), 1, NOW.plusSeconds(5)))
                .isTrue();
        assertThat(sources().supplied(given.id())).isEmpty();
    }
}
