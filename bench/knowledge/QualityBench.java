import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Retrieval quality on the judged set of app/src/test/resources/knowledge/judged (documents in
 * English and Russian, queries with the documents that answer them): nDCG@10 and recall@10 of
 * lexical, vector and hybrid search, side by side, over a running Columnline (embedded model).
 * Relevance is binary; a document counts once, at the rank of its best chunk.
 *
 * java -cp app/target/columnline.jar QualityBench.java BASE ADMIN_KEY JUDGED_FOLDER
 */
public class QualityBench {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Pattern FIELD = Pattern.compile("\"(id|text|query|lang)\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    static final Pattern RELEVANT = Pattern.compile("\"relevant\":\\s*\\[([^\\]]*)\\]");
    static final Pattern SOURCE = Pattern.compile("\"source_id\":\"([0-9a-f-]{36})\"");
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static String base;
    static String admin;

    public static void main(String[] args) throws Exception {
        base = args[0];
        admin = args[1];
        Path judged = Path.of(args[2]);
        String client = "judged-" + System.currentTimeMillis();
        send("PUT", "/api/v1/clients/" + client, "{\"name\":\"Judged\"}");
        Map<String, String> documentOf = new HashMap<>();
        for (String line : Files.readAllLines(judged.resolve("documents.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, String> f = fields(line);
            String body = "{\"client\":\"" + client + "\",\"key\":\"" + f.get("id") + "\",\"name\":\"" + f.get("id")
                    + "\",\"type\":\"text\",\"content\":\"" + f.get("text") + "\"}";
            String answer = send("POST", "/api/v1/sources?wait=30", body);
            Matcher m = ID.matcher(answer);
            if (!m.find()) {
                throw new IllegalStateException("not added: " + answer);
            }
            documentOf.put(m.group(1), f.get("id"));
        }
        List<String> queries = new ArrayList<>();
        List<Set<String>> relevant = new ArrayList<>();
        for (String line : Files.readAllLines(judged.resolve("queries.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            queries.add(fields(line).get("query"));
            Matcher m = RELEVANT.matcher(line);
            m.find();
            Set<String> r = new LinkedHashSet<>();
            for (String id : m.group(1).split(",")) {
                r.add(id.strip().replace("\"", ""));
            }
            relevant.add(r);
        }
        System.out.printf(Locale.ROOT, "judged set: %d documents, %d queries%n", documentOf.size(), queries.size());
        System.out.printf(Locale.ROOT, "%-8s %8s %10s %12s%n", "mode", "nDCG@10", "recall@10", "relevant@5");
        for (String mode : List.of("lexical", "vector", "hybrid")) {
            double ndcg = 0;
            double recall = 0;
            int top5 = 0;
            for (int q = 0; q < queries.size(); q++) {
                String answer = send("POST", "/api/v1/search", "{\"client\":\"" + client + "\",\"query\":\"" + queries.get(q)
                        + "\",\"mode\":\"" + mode + "\",\"limit\":10}");
                List<String> ranked = new ArrayList<>();
                Matcher m = SOURCE.matcher(answer);
                while (m.find()) {
                    String doc = documentOf.get(m.group(1));
                    if (!ranked.contains(doc)) {
                        ranked.add(doc);
                    }
                }
                Set<String> r = relevant.get(q);
                double dcg = 0;
                double ideal = 0;
                int found = 0;
                for (int i = 0; i < Math.min(10, ranked.size()); i++) {
                    if (r.contains(ranked.get(i))) {
                        dcg += 1 / (Math.log(i + 2) / Math.log(2));
                        found++;
                        if (i < 5) {
                            top5++;
                        }
                    }
                }
                for (int i = 0; i < Math.min(10, r.size()); i++) {
                    ideal += 1 / (Math.log(i + 2) / Math.log(2));
                }
                ndcg += dcg / ideal;
                recall += (double) found / r.size();
            }
            System.out.printf(Locale.ROOT, "%-8s %8.3f %10.3f %12d%n", mode, ndcg / queries.size(), recall / queries.size(), top5);
        }
    }

    static Map<String, String> fields(String line) {
        Map<String, String> f = new HashMap<>();
        Matcher m = FIELD.matcher(line);
        while (m.find()) {
            f.put(m.group(1), m.group(2));
        }
        return f;
    }

    static String send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
