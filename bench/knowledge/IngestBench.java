import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ingest: DOCS markdown handbooks (about 2,500 words each, several sections) are uploaded to a
 * running Columnline at once, and the clock runs from the first upload until the last source is
 * ready: chunks/s and tokens/s (cl100k tokens, as the server counts them). The baseline, in the same
 * run, is the bare embedding model (the one the server embeds with, from the same jar) embedding
 * the same chunks in a tight loop, in the same 128-token windows, on as many threads as cores.
 *
 * java -cp app/target/columnline.jar IngestBench.java http://127.0.0.1:PORT ADMIN_KEY [docs]
 */
public class IngestBench {
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final Pattern STATUS = Pattern.compile("\"status\":\"([a-z]+)\"");
    static final Pattern CHUNKS = Pattern.compile("\"chunk_count\":(\\d+)");
    static final Pattern TOKENS = Pattern.compile("\"token_count\":(\\d+)");
    static final String[] WORDS = ("customer pipeline revenue quarter budget decision maker signal research dossier"
                    + " market segment region pricing discount contract renewal churn onboarding support"
                    + " integration platform security compliance forecast hiring expansion warehouse logistics"
                    + " supplier procurement analytics dashboard report meeting proposal demo trial")
            .split(" ");

    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String admin = args[1];
        int docs = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        send("PUT", base + "/api/v1/clients/bench", admin, "application/json", "{\"name\":\"Bench\"}");
        List<String> bodies = new ArrayList<>();
        Random random = new Random(42);
        for (int d = 0; d < docs; d++) {
            bodies.add(handbook(random, d));
        }
        long started = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (String body : bodies) {
            String answer = send("POST", base + "/api/v1/sources?client=bench", admin, "text/markdown", body);
            Matcher m = ID.matcher(answer);
            if (!m.find()) {
                throw new IllegalStateException(answer);
            }
            ids.add(m.group(1));
        }
        long chunks = 0;
        long tokens = 0;
        for (String id : ids) {
            while (true) {
                String source = send("GET", base + "/api/v1/sources/" + id, admin, null, null);
                Matcher s = STATUS.matcher(source);
                s.find();
                if (s.group(1).equals("ready")) {
                    Matcher c = CHUNKS.matcher(source);
                    c.find();
                    Matcher t = TOKENS.matcher(source);
                    t.find();
                    chunks += Long.parseLong(c.group(1));
                    tokens += Long.parseLong(t.group(1));
                    break;
                }
                if (s.group(1).equals("error")) {
                    throw new IllegalStateException(source);
                }
                Thread.sleep(20);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        List<String> texts = new ArrayList<>();
        for (String id : ids) {
            String page = send("GET", base + "/api/v1/sources/" + id + "/chunks?limit=500", admin, null, null);
            new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(page)
                    .get("data")
                    .forEach(chunk -> texts.add(chunk.get("content").asText()));
        }
        double baseline = baseline(texts);
        System.out.printf(
                "ingest: %d markdown sources, %d chunks, %d tokens, upload to ready in %.2f s: %.1f chunks/s, %.0f tokens/s%n",
                docs, chunks, tokens, seconds, chunks / seconds, tokens / seconds);
        System.out.printf(
                "baseline (bare model, same %d chunks in 128-token windows, %d threads): %.1f chunks/s; ingest/baseline = %.2f%n",
                texts.size(), Runtime.getRuntime().availableProcessors(), baseline, (chunks / seconds) / baseline);
    }

    static double baseline(List<String> texts) throws Exception {
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("DJL_OFFLINE", "true");
        HuggingFaceTokenizer tokenizer;
        try (InputStream json =
                AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
            tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of("truncation", "false", "padding", "false"));
        }
        var model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        List<List<TextSegment>> windows = new ArrayList<>();
        for (String text : texts) {
            List<TextSegment> w = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            int used = 0;
            for (String word : text.strip().split("\\s+")) {
                int cost = tokenizer.encode(word).getIds().length - 2;
                if (used + cost > 126 && !current.isEmpty()) {
                    w.add(TextSegment.from(current.toString()));
                    current.setLength(0);
                    used = 0;
                }
                current.append(current.isEmpty() ? "" : " ").append(word);
                used += cost;
            }
            if (!current.isEmpty()) {
                w.add(TextSegment.from(current.toString()));
            }
            windows.add(w);
        }
        model.embedAll(windows.get(0));
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int from = t;
            done.add(pool.submit(() -> {
                for (int i = from; i < windows.size(); i += threads) {
                    for (TextSegment segment : windows.get(i)) {
                        model.embed(segment);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return texts.size() / ((System.nanoTime() - started) / 1e9);
    }

    static String handbook(Random random, int d) {
        StringBuilder text = new StringBuilder("# Handbook " + d + "\n\n");
        for (int section = 0; section < 8; section++) {
            text.append("## Section ").append(section).append("\n\n");
            for (int paragraph = 0; paragraph < 4; paragraph++) {
                for (int sentence = 0; sentence < 5; sentence++) {
                    int length = 8 + random.nextInt(10);
                    for (int w = 0; w < length; w++) {
                        text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
                    }
                    text.append(". ");
                }
                text.append("\n\n");
            }
        }
        return text.toString();
    }

    static String send(String method, String url, String key, String contentType, String body) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300 && !(method.equals("PUT") && response.statusCode() < 500)) {
            if (response.statusCode() != 202) {
                throw new IllegalStateException(method + " " + url + ": " + response.statusCode() + " " + response.body());
            }
        }
        return response.body();
    }
}
