package io.columnline.application.knowledge.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columnline.application.knowledge.memory.InMemoryChunkEmbeddings;
import io.columnline.application.knowledge.memory.InMemoryEventLog;
import io.columnline.application.knowledge.memory.InMemorySources;
import io.columnline.application.knowledge.port.in.SourcesUseCase;
import io.columnline.application.knowledge.port.out.Chunker;
import io.columnline.application.knowledge.port.out.Embedder;
import io.columnline.application.knowledge.port.out.EventLog;
import io.columnline.application.shared.Fixtures;
import io.columnline.application.shared.InMemoryTransactions;
import io.columnline.application.shared.MutableClock;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tenancy.memory.InMemoryClients;
import io.columnline.application.tenancy.service.ClientAccessService;
import io.columnline.domain.access.ApiKeyId;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.Source;
import io.columnline.domain.knowledge.SourceChunk;
import io.columnline.domain.knowledge.SourceStatus;
import io.columnline.domain.knowledge.SourceType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service on the in-memory adapters. Its chunker is an honest fake that splits text on blank
 * lines (the real one is tested in adapters-documents), refuses text holding "BROKEN", and can be
 * made to throw, as a reader bug would.
 */
class SourceServiceTest {
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemorySources sources = new InMemorySources();
    private final MutableClock clock = new MutableClock(Fixtures.NOW);
    private final List<String> chunked = new ArrayList<>();
    private RuntimeException chunkerFailure;

    private final Chunker paragraphs = new Chunker() {
        @Override
        public Chunking chunk(SourceType type, byte[] content, JsonDocument metadata) {
            return paragraphs(content, metadata);
        }

        @Override
        public Chunked asGiven(List<String> contents, List<JsonDocument> metadata, JsonDocument sourceMetadata) {
            List<Chunker.Draft> drafts = new ArrayList<>();
            for (int i = 0; i < contents.size(); i++) {
                drafts.add(new Chunker.Draft(contents.get(i), contents.get(i).split("\\s+").length, metadata.get(i)));
            }
            return new Chunker.Chunked(drafts, Chunker.joined(contents).split("\\s+").length);
        }
    };

    private Chunker.Chunking paragraphs(byte[] content, JsonDocument metadata) {
        String text = new String(content, StandardCharsets.UTF_8);
        chunked.add(text);
        if (chunkerFailure != null) {
            throw chunkerFailure;
        }
        if (text.contains("BROKEN")) {
            return new Chunker.Unreadable("the file is broken");
        }
        List<Chunker.Draft> drafts = new ArrayList<>();
        for (String part : text.split("\n\n")) {
            if (!part.isBlank()) {
                drafts.add(new Chunker.Draft(part.strip(), part.strip().split("\\s+").length, metadata));
            }
        }
        return new Chunker.Chunked(drafts, text.split("\\s+").length);
    }

    /** Counts of a few words: an honest fake with the real one's contract (unit vectors, one per text). */
    private final Embedder wordCounts = new Embedder() {
        private static final List<String> WORDS = List.of("one", "two", "three", "new", "old");

        @Override
        public String model() {
            return "word-counts";
        }

        @Override
        public int dimension() {
            return WORDS.size() + 1;
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            return texts.stream()
                    .map(text -> {
                        float[] v = new float[dimension()];
                        v[WORDS.size()] = 0.5f;
                        for (String word : text.split("\\s+")) {
                            int i = WORDS.indexOf(word);
                            if (i >= 0) {
                                v[i]++;
                            }
                        }
                        double norm = 0;
                        for (float x : v) {
                            norm += x * x;
                        }
                        for (int i = 0; i < v.length; i++) {
                            v[i] /= (float) Math.sqrt(norm);
                        }
                        return v;
                    })
                    .toList();
        }
    };

    private final InMemoryChunkEmbeddings embeddings = new InMemoryChunkEmbeddings(sources);

    private final InMemoryEventLog eventLog = new InMemoryEventLog();

    private final SourceService service = new SourceService(
            new ClientAccessService(clients),
            sources,
            paragraphs,
            wordCounts,
            embeddings,
            new InMemoryTransactions(),
            new EventService(
                    eventLog, new ClientAccessService(clients), clock, new EventService.Settings("test:1", 90)),
            clock);

    private Client acme;
    private Caller admin;
    private Caller acmeKey;
    private Caller otherKey;

    @BeforeEach
    void setUp() {
        acme = Fixtures.client("acme");
        Client other = Fixtures.client("other");
        clients.save(acme);
        clients.save(other);
        admin = new Caller.Admin(ApiKeyId.random());
        acmeKey = new Caller.OfClient(ApiKeyId.random(), acme.id());
        otherKey = new Caller.OfClient(ApiKeyId.random(), other.id());
    }

    private SourcesUseCase.Added add(Caller caller, String key, String text) {
        return service.add(new SourcesUseCase.Command(
                caller,
                Optional.empty(),
                Optional.ofNullable(key),
                Optional.empty(),
                Optional.empty(),
                "text/markdown; charset=utf-8",
                text.getBytes(StandardCharsets.UTF_8),
                Optional.of(new JsonDocument("{\"team\":\"sales\"}"))));
    }

    private void processAll() {
        while (service.processNext()) {
            // until none waits
        }
    }

    @Test
    void a_source_is_pending_then_ready_with_its_chunks_and_token_count() {
        Source added = add(acmeKey, null, "one two\n\nthree").source();
        assertThat(added.status()).isEqualTo(SourceStatus.PENDING);
        assertThat(added.type()).isEqualTo(SourceType.MARKDOWN);
        assertThat(added.sha256()).isEqualTo(SourceService.sha256("one two\n\nthree".getBytes(StandardCharsets.UTF_8)));

        processAll();

        Source ready = service.get(acmeKey, added.id());
        assertThat(ready.status()).isEqualTo(SourceStatus.READY);
        assertThat(ready.tokenCount()).contains(3);
        assertThat(ready.chunkCount()).isEqualTo(2);
        assertThat(service.chunks(acmeKey, added.id(), PageRequest.first(10)).items())
                .extracting(SourceChunk::chunkIndex, SourceChunk::content)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, "one two"),
                        org.assertj.core.groups.Tuple.tuple(1, "three"));
        assertThat(new String(service.content(acmeKey, added.id()), StandardCharsets.UTF_8))
                .isEqualTo("one two\n\nthree");
        var vectors = embeddings.ofSource(added.id());
        assertThat(vectors)
                .extracting(v -> v.chunkIndex() + " " + v.model() + " " + v.dimension())
                .containsExactly("0 word-counts 6", "1 word-counts 6");
        assertThat(vectors.get(0).vector())
                .isEqualTo(wordCounts.embed(List.of("one two")).get(0));
    }

    @Test
    void the_same_bytes_again_are_the_same_source_and_nothing_is_processed_again() {
        Source first = add(acmeKey, "handbook", "same text").source();
        processAll();

        SourcesUseCase.Added again = add(acmeKey, "handbook", "same text");
        SourcesUseCase.Added unkeyed = add(acmeKey, null, "same text");
        processAll();

        assertThat(again.created()).isFalse();
        assertThat(again.source().id()).isEqualTo(first.id());
        assertThat(unkeyed.source().id()).isEqualTo(first.id());
        assertThat(chunked).hasSize(1);
        assertThat(add(otherKey, "handbook", "same text").created())
                .as("another client's copy is its own")
                .isTrue();
    }

    @Test
    void new_bytes_under_a_key_are_its_next_version_which_replaces_the_old_chunks_once_ready() {
        Source v1 = add(acmeKey, "handbook", "old words").source();
        processAll();

        Source v2 = add(acmeKey, "handbook", "new words\n\nmore new").source();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(service.chunks(acmeKey, v1.id(), PageRequest.first(10)).items())
                .as("the old version stays until the new one is ready")
                .hasSize(1);

        processAll();

        assertThatThrownBy(() -> service.get(acmeKey, v1.id())).isInstanceOf(NotFound.class);
        var listed = service.list(
                acmeKey,
                new SourcesUseCase.ListQuery(
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("handbook")),
                PageRequest.first(10));
        assertThat(listed.items()).extracting(Source::id).containsExactly(v2.id());
        assertThat(service.get(acmeKey, v2.id()).chunkCount()).isEqualTo(2);
    }

    @Test
    void an_unreadable_document_ends_in_error_with_its_reason_and_the_worker_goes_on() {
        Source broken = add(acmeKey, null, "BROKEN bytes").source();
        Source empty = add(acmeKey, null, "\n\n  \n\n").source();
        chunkerFailure = null;

        processAll();

        assertThat(service.get(acmeKey, broken.id()).error()).contains("the file is broken");
        assertThat(service.get(acmeKey, empty.id()).status()).isEqualTo(SourceStatus.ERROR);
        assertThat(service.get(acmeKey, empty.id()).error())
                .hasValueSatisfying(e -> assertThat(e).startsWith("no text found"));

        chunkerFailure = new IllegalStateException("reader bug");
        Source crashing = add(acmeKey, null, "fine text").source();
        processAll();
        assertThat(service.get(acmeKey, crashing.id()).error())
                .contains("the markdown document could not be read: reader bug");

        var failures = eventLog.list(
                        new EventLog.Filter(
                                Optional.of(acme.id()), false, Optional.of("source.failed"), Optional.empty()),
                        PageRequest.first(10))
                .items();
        assertThat(failures).hasSize(3);
        assertThat(failures)
                .extracting(e -> e.detail().text())
                .anySatisfy(detail -> assertThat(detail)
                        .contains("\"source_id\":\"" + broken.id().value() + "\"")
                        .contains("the file is broken"));
    }

    @Test
    void a_source_whose_workers_keep_dying_is_given_up_with_a_reason() {
        Source heavy = add(acmeKey, null, "heavy").source();
        for (int i = 0; i < SourceService.MAX_ATTEMPTS; i++) {
            assertThat(sources.claimNext(clock.instant(), SourceService.LEASE)).isPresent();
            clock.advance(SourceService.LEASE.plusSeconds(1));
        }

        processAll();

        Source failed = service.get(acmeKey, heavy.id());
        assertThat(failed.status()).isEqualTo(SourceStatus.ERROR);
        assertThat(failed.error()).hasValueSatisfying(e -> assertThat(e).contains("split it"));
        assertThat(chunked).isEmpty();
    }

    @Test
    void bad_input_is_refused_with_every_problem_named_and_nothing_written() {
        assertThatThrownBy(() -> service.add(new SourcesUseCase.Command(
                        acmeKey,
                        Optional.empty(),
                        Optional.of(""),
                        Optional.of(""),
                        Optional.of("word-document"),
                        "text/plain",
                        new byte[0],
                        Optional.of(new JsonDocument("[1]")))))
                .isInstanceOfSatisfying(
                        Invalid.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field())
                                .containsExactlyInAnyOrder("type", "content", "key", "name", "metadata"));
        assertThatThrownBy(() -> add(admin, null, "an admin names the client")).isInstanceOf(Invalid.class);
        assertThat(sources.list(
                                new io.columnline.application.knowledge.port.out.Sources.Filter(
                                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                                PageRequest.first(10))
                        .items())
                .isEmpty();
    }

    @Test
    void another_clients_source_is_not_found() {
        Source mine = add(acmeKey, null, "private").source();

        assertThatThrownBy(() -> service.get(otherKey, mine.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> service.content(otherKey, mine.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> service.delete(otherKey, mine.id())).isInstanceOf(NotFound.class);
        assertThat(service.get(admin, mine.id()).id()).isEqualTo(mine.id());
    }

    @Test
    void waiting_answers_as_soon_as_the_source_settles_or_when_the_wait_is_over() {
        Source pending = add(acmeKey, null, "waiting").source();

        assertThat(service.await(acmeKey, pending.id(), Duration.ZERO).status()).isEqualTo(SourceStatus.PENDING);
        processAll();
        assertThat(service.await(acmeKey, pending.id(), Duration.ofSeconds(30)).status())
                .isEqualTo(SourceStatus.READY);
    }
}
