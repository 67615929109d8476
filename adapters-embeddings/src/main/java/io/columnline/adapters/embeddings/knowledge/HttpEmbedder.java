package io.columnline.adapters.embeddings.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.columnline.application.knowledge.port.out.Embedder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An OpenAI-compatible embeddings endpoint ({@code POST /v1/embeddings} with {@code {model,
 * input: [texts]}}, answered {@code {data: [{index, embedding}]}}): OpenAI, Azure OpenAI's
 * compatible route, Ollama, vLLM, LM Studio, LiteLLM and the like. Texts go in batches; a 429, a 5xx
 * or a broken connection is tried again after a growing, jittered pause (a {@code Retry-After} in
 * seconds is honoured, up to the longest pause), any other answer fails at once with what the
 * endpoint said. The dimension is the model's, learnt from its first answer.
 */
final class HttpEmbedder implements Embedder {
    static final int BATCH = 64;
    static final int MAX_ATTEMPTS = 6;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final String model;
    private final Optional<String> apiKey;
    private final HttpClient http;
    private final Duration firstPause;
    private final Duration longestPause;
    private volatile int dimension;

    HttpEmbedder(URI url, String model, Optional<String> apiKey, Duration firstPause, Duration longestPause) {
        this.endpoint = EmbedderSettings.endpoint(url);
        this.model = model;
        this.apiKey = apiKey;
        this.firstPause = firstPause;
        this.longestPause = longestPause;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    static HttpEmbedder of(EmbedderSettings settings) {
        return new HttpEmbedder(
                settings.url().orElseThrow(),
                settings.model().orElseThrow(),
                settings.apiKey(),
                Duration.ofMillis(500),
                Duration.ofSeconds(20));
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public int dimension() {
        if (dimension == 0) {
            embed(List.of("dimension"));
        }
        return dimension;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            vectors.addAll(batch(texts.subList(from, Math.min(texts.size(), from + BATCH))));
        }
        return vectors;
    }

    private List<float[]> batch(List<String> texts) {
        ObjectNode body = JSON.createObjectNode().put("model", model).put("encoding_format", "float");
        texts.forEach(body.putArray("input")::add);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        HttpRequest built = request.build();
        String lastProblem = "";
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Duration pause = pause(attempt);
            try {
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200) {
                    return vectors(response.body(), texts.size());
                }
                lastProblem = "answered " + status + said(response.body());
                if (status != 429 && status < 500) {
                    throw new EmbeddingFailed(endpoint + " " + lastProblem);
                }
                pause = retryAfter(response).orElse(pause);
            } catch (IOException e) {
                lastProblem = "could not be reached (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmbeddingFailed("interrupted while calling " + endpoint);
            }
            if (attempt < MAX_ATTEMPTS) {
                sleep(pause);
            }
        }
        throw new EmbeddingFailed(endpoint + " " + lastProblem + ", " + MAX_ATTEMPTS + " times");
    }

    private List<float[]> vectors(String body, int count) {
        JsonNode data;
        try {
            data = JSON.readTree(body).path("data");
        } catch (IOException e) {
            throw new EmbeddingFailed(endpoint + " answered something that is not JSON: " + e.getMessage());
        }
        if (!data.isArray() || data.size() != count) {
            throw new EmbeddingFailed(endpoint + " answered " + (data.isArray() ? data.size() : "no")
                    + " embeddings for " + count + " texts");
        }
        float[][] vectors = new float[count][];
        for (int i = 0; i < count; i++) {
            JsonNode item = data.get(i);
            int index = item.path("index").asInt(i);
            JsonNode embedding = item.path("embedding");
            if (index < 0 || index >= count || vectors[index] != null || !embedding.isArray() || embedding.isEmpty()) {
                throw new EmbeddingFailed(endpoint + " answered a malformed embedding at " + i);
            }
            float[] v = new float[embedding.size()];
            for (int d = 0; d < v.length; d++) {
                JsonNode x = embedding.get(d);
                v[d] = (float) x.asDouble(Double.NaN);
                if (!x.isNumber() || !Float.isFinite(v[d])) {
                    throw new EmbeddingFailed(endpoint + " answered a non-finite number in embedding " + index);
                }
            }
            if (dimension == 0) {
                dimension = v.length;
            } else if (v.length != dimension) {
                throw new EmbeddingFailed(endpoint + " answered " + v.length + " dimensions after " + dimension
                        + " before: is " + model + " the model it serves?");
            }
            vectors[index] = normalise(v);
        }
        return List.of(vectors);
    }

    /** Doubling from the first pause up to the longest, each drawn between half and all of it. */
    private Duration pause(int attempt) {
        long full = Math.min(longestPause.toMillis(), firstPause.toMillis() << Math.min(20, attempt - 1));
        return Duration.ofMillis(full / 2 + ThreadLocalRandom.current().nextLong(full / 2 + 1));
    }

    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.strip());
                return Optional.of(Duration.ofSeconds(Math.max(0, seconds)))
                        .map(d -> d.compareTo(longestPause) > 0 ? longestPause : d);
            } catch (NumberFormatException e) {
                return Optional.empty(); // an HTTP date: the backoff's pause instead
            }
        });
    }

    private static String said(String body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            String message =
                    error.isTextual() ? error.asText() : error.path("message").asText("");
            if (!message.isBlank()) {
                return ": " + message;
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: the start of the text instead
        }
        String text = body == null ? "" : body.strip();
        return text.isEmpty() ? "" : ": " + (text.length() > 200 ? text.substring(0, 200) + "..." : text);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddingFailed("interrupted while waiting to call the embeddings endpoint again");
        }
    }

    private static float[] normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] / norm);
            }
        }
        return v;
    }

    static final class EmbeddingFailed extends RuntimeException {
        EmbeddingFailed(String message) {
            super(message);
        }
    }
}
