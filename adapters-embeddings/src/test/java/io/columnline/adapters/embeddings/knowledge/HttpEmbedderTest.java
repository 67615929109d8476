package io.columnline.adapters.embeddings.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Against a local server that speaks the {@code /v1/embeddings} shape: its vectors are drawn from
 * the SHA-256 of each text (so the same text always gets the same vector), it answers its items out
 * of order, and it fails now and then the way hosted endpoints do.
 */
class HttpEmbedderTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int DIMENSION = 12;

    HttpServer server;
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final AtomicInteger calls = new AtomicInteger();

    /** What the server answers to its n-th call (from 1): a status, or 200 with the embeddings. */
    interface Behaviour {
        int status(int call);
    }

    URI start(Behaviour behaviour) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/embeddings", exchange -> answer(exchange, behaviour));
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void answer(HttpExchange exchange, Behaviour behaviour) throws IOException {
        int call = calls.incrementAndGet();
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
        int status = behaviour.status(call);
        byte[] body;
        if (status == 200) {
            requests.add(request);
            ObjectNode answer = JSON.createObjectNode().put("object", "list");
            ArrayNode data = answer.putArray("data");
            JsonNode input = request.get("input");
            for (int i = input.size() - 1; i >= 0; i--) { // out of order: the index says which is which
                ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
                ArrayNode embedding = item.putArray("embedding");
                for (float x : vectorOf(input.get(i).asText())) {
                    embedding.add(x);
                }
            }
            answer.put("model", request.get("model").asText());
            body = answer.toString().getBytes(StandardCharsets.UTF_8);
        } else {
            if (status == 429) {
                exchange.getResponseHeaders().add("Retry-After", "0");
            }
            body = ("{\"error\":{\"message\":\"try again (" + status + ")\"}}").getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    static float[] vectorOf(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            float[] v = new float[DIMENSION];
            for (int i = 0; i < DIMENSION; i++) {
                v[i] = hash[i] / 128f + 0.01f;
            }
            return v;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpEmbedder embedder(URI url) {
        return new HttpEmbedder(
                url, "text-embedding-test", Optional.of("sk-test"), Duration.ofMillis(1), Duration.ofMillis(20));
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    void texts_go_in_batches_and_come_back_in_order_through_429s_and_5xxs() throws IOException {
        // a 429 first, then every third call a 502, 503 or 500
        HttpEmbedder embedder = embedder(start(call -> call == 1 ? 429 : call % 3 == 0 ? 500 + call % 4 : 200));
        List<String> texts =
                IntStream.range(0, 150).mapToObj(i -> "text number " + i).toList();

        List<float[]> vectors = embedder.embed(texts);

        assertThat(vectors).hasSize(150);
        for (int i = 0; i < texts.size(); i++) {
            float[] v = vectors.get(i);
            assertThat(cosine(v, vectorOf(texts.get(i)))).isGreaterThan(0.9999);
            assertThat(cosine(v, v)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        }
        assertThat(requests).hasSize(3).allSatisfy(r -> {
            assertThat(r.get("model").asText()).isEqualTo("text-embedding-test");
            assertThat(r.get("input").size()).isLessThanOrEqualTo(HttpEmbedder.BATCH);
        });
        assertThat(calls.get()).as("the failed calls were tried again").isGreaterThan(3);
        assertThat(authorizations).containsOnly("Bearer sk-test");
        assertThat(embedder.dimension()).isEqualTo(DIMENSION);
        assertThat(embedder.model()).isEqualTo("text-embedding-test");
    }

    @Test
    void a_refusal_fails_at_once_with_what_the_endpoint_said() throws IOException {
        HttpEmbedder embedder = embedder(start(call -> 401));

        assertThatThrownBy(() -> embedder.embed(List.of("anything")))
                .hasMessageContaining("401")
                .hasMessageContaining("try again (401)");
        assertThat(calls.get()).as("a 401 is not tried again").isEqualTo(1);
    }

    @Test
    void an_endpoint_that_keeps_failing_is_given_up_after_the_last_attempt() throws IOException {
        HttpEmbedder embedder = embedder(start(call -> 503));

        assertThatThrownBy(() -> embedder.embed(List.of("anything")))
                .hasMessageContaining("503")
                .hasMessageContaining(HttpEmbedder.MAX_ATTEMPTS + " times");
        assertThat(calls.get()).isEqualTo(HttpEmbedder.MAX_ATTEMPTS);
    }

    @Test
    void an_endpoint_that_is_not_there_is_tried_again_then_named() throws IOException {
        URI url = start(call -> 200);
        server.stop(0);
        server = null;

        assertThatThrownBy(() -> embedder(url).embed(List.of("anything")))
                .hasMessageContaining("could not be reached")
                .hasMessageContaining(url.getHost());
    }

    @Test
    void the_url_may_name_the_host_the_v1_root_or_the_embeddings_route() {
        assertThat(EmbedderSettings.endpoint(URI.create("http://h:1")))
                .isEqualTo(URI.create("http://h:1/v1/embeddings"));
        assertThat(EmbedderSettings.endpoint(URI.create("https://api.openai.com/v1/")))
                .isEqualTo(URI.create("https://api.openai.com/v1/embeddings"));
        assertThat(EmbedderSettings.endpoint(URI.create("http://h/openai/v1/embeddings")))
                .isEqualTo(URI.create("http://h/openai/v1/embeddings"));
    }
}
