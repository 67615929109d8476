package io.columnline.app.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local server speaking OpenAI's {@code /v1/embeddings} shape, as a hosted endpoint would: each
 * text's vector is drawn from its SHA-256 (so a text always gets the same one), and every third call
 * is answered 503 first, so the client's retries are exercised too.
 */
final class LocalEmbeddings implements AutoCloseable {
    static final int DIMENSION = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger texts = new AtomicInteger();

    LocalEmbeddings() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/embeddings", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        byte[] body;
        int status;
        if (calls.incrementAndGet() % 3 == 0) {
            status = 503;
            body = "{\"error\":{\"message\":\"busy\"}}".getBytes(StandardCharsets.UTF_8);
        } else {
            status = 200;
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode data = answer.putArray("data");
            JsonNode input = request.get("input");
            for (int i = 0; i < input.size(); i++) {
                ArrayNode embedding = data.addObject().put("index", i).putArray("embedding");
                for (float x : vectorOf(input.get(i).asText())) {
                    embedding.add(x);
                }
            }
            texts.addAndGet(input.size());
            answer.put("model", request.get("model").asText());
            body = answer.toString().getBytes(StandardCharsets.UTF_8);
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
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
