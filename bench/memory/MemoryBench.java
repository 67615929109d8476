import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Research cache lookups against a running Columnline: CLIENTS clients with ENTRIES entries each
 * (one vector per topic), of which REAL topics of the first client are stored through the API (so
 * the real model embeds them) and the rest are written straight into PostgreSQL with random unit
 * vectors (the same work for a cosine scan). 32 callers at once, each request waiting for its
 * answer: exact lookups of stored topics (hits), semantic lookups of reworded real topics (the
 * exact key misses, the model embeds the query, the client's topics are scanned), and the baseline
 * measured in the same run, an authenticated GET of a run.
 *
 * java -cp app/target/columnline.jar MemoryBench.java BASE ADMIN_KEY PG_PORT [entries] [clients]
 */
public class MemoryBench {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final String[] COMPANIES = ("Acme Globex Initech Umbrella Hooli Vandelay Stark Wayne Wonka Cyberdyne Soylent"
                    + " Tyrell Nakatomi Oscorp Aperture Massive Dynamic Gringotts Monarch Pied Piper Prestige Sirius"
                    + " Virtucon Zorg Duff Krusty Rekall Weyland Yoyodyne Altman Blue Sun")
            .split(" ");
    static final String[] REGIONS = ("Germany France Spain Italy Poland Austria Sweden Norway Japan Brazil Canada"
                    + " Mexico India Kenya Egypt Chile Peru Vietnam Ireland Portugal")
            .split(" ");
    static final String[] ASPECTS = {"market size", "main competitors", "pricing model", "hiring plans"};

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String admin = args[1];
        int pgPort = Integer.parseInt(args[2]);
        int entries = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        int clients = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        int real = 400;
        int callers = 32;
        int perCaller = 150;

        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            send("PUT", base + "/api/v1/clients/bench-" + c, admin, "{\"name\":\"Bench " + c + "\"}");
        }
        List<String> realTopics = new ArrayList<>();
        for (String company : COMPANIES) {
            for (String region : REGIONS) {
                for (String aspect : ASPECTS) {
                    if (realTopics.size() < real && (company.length() + region.length() + aspect.length()) % 2 == 0) {
                        realTopics.add(aspect + " of " + company + " in " + region);
                    }
                }
            }
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> stored = new ArrayList<>();
            for (String topic : realTopics) {
                stored.add(pool.submit(() -> send(
                        "PUT",
                        base + "/api/v1/research-cache",
                        admin,
                        "{\"client\":\"bench-0\",\"topic\":\"" + topic + "\",\"content\":\"Findings on " + topic
                                + "\",\"cost_usd\":0.42}")));
            }
            for (Future<?> f : stored) {
                f.get();
            }
        }
        System.out.printf("stored %d real topics through the API in %.1f s%n", realTopics.size(), secs(t0));

        long t1 = System.nanoTime();
        try (Connection db = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + pgPort + "/columnline?user=postgres");
                Statement st = db.createStatement()) {
            for (int c = 0; c < clients; c++) {
                int synthetic = c == 0 ? entries - realTopics.size() : entries;
                String client = "(SELECT id FROM clients WHERE slug = 'bench-" + c + "')";
                st.execute("INSERT INTO research_cache_topics (client_id, topic_key, model, embedding) SELECT " + client
                        + ", 'synthetic topic ' || g, 'all-minilm-l6-v2-q', (SELECT array_agg(((random() * 2 - 1)"
                        + " * 0.0884)::real) FROM generate_series(1, 384) WHERE g > 0) FROM generate_series(1, "
                        + synthetic + ") g");
                st.execute("INSERT INTO research_cache_entries (id, client_id, topic, topic_key, content,"
                        + " content_sha256, cost_usd, created_at) SELECT gen_random_uuid(), " + client
                        + ", 'Synthetic topic ' || g, 'synthetic topic ' || g, 'Findings ' || md5(g::text),"
                        + " md5(g::text), 0.1 + (g % 10) / 10.0, now() - (g % 5) * interval '1 day'"
                        + " FROM generate_series(1, " + synthetic + ") g");
            }
            st.execute("INSERT INTO insights (id, client_id, type, title, title_key, content, confidence, tags,"
                    + " company_domain, version, created_at, updated_at) SELECT gen_random_uuid(),"
                    + " (SELECT id FROM clients WHERE slug = 'bench-0'), (ARRAY['pattern','learning','decision'])[1 + g % 3],"
                    + " 'Insight ' || g, 'insight ' || g, 'What run ' || g || ' learned about buyers', (g % 100) / 100.0,"
                    + " ARRAY['tag' || (g % 50), 'all'], 'company' || (g % 1000) || '.example', 1,"
                    + " now() - (g || ' seconds')::interval, now() - (g || ' seconds')::interval"
                    + " FROM generate_series(1, " + entries + ") g");
            st.execute("ANALYZE insights");
            st.execute("ANALYZE research_cache_topics");
            st.execute("ANALYZE research_cache_entries");
            try (ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT client_id) FROM research_cache_entries")) {
                rs.next();
                System.out.printf(
                        "entries: %,d over %d clients (%,d for bench-0), written in %.1f s%n",
                        rs.getLong(1), rs.getLong(2), entries, secs(t1));
            }
        }

        String run = match(ID, send("POST", base + "/api/v1/runs", admin,
                "{\"client\":\"bench-0\",\"seed\":{\"company_name\":\"Bench\",\"domain\":\"bench.example\"}}"));
        IntFunction<String> exact = i -> i % 2 == 0
                ? realTopics.get(i % realTopics.size())
                : "Synthetic topic " + (1 + (i * 7919L) % (entries - realTopics.size()));
        IntFunction<String> reworded = i -> {
            String t = realTopics.get(i % realTopics.size());
            String[] p = t.split(" of | in ");
            return p[1] + " " + p[0] + ", " + p[2];
        };

        // warm up: the JIT, the connection pool, and the semantic index loading bench-0's topics once
        long w = System.nanoTime();
        phase("warm-up", callers, 20, i -> get(base + "/api/v1/runs/" + run, admin));
        phase("warm-up", callers, 20, i -> lookup(base, admin, exact.apply(i), null));
        phase("warm-up", 4, 10, i -> lookup(base, admin, reworded.apply(i), 0.75));
        phase("warm-up", callers, 10, i -> get(base + "/api/v1/insights?client=bench-0&tag=tag1&limit=20", admin));
        System.out.printf("warm-up %.1f s%n", secs(w));

        Stats baseline = phase("baseline GET /runs/{id}", callers, perCaller, i -> get(base + "/api/v1/runs/" + run, admin));
        Stats ex = phase("exact lookup (hits)", callers, perCaller, i -> lookup(base, admin, exact.apply(i), null));
        semanticHits = 0;
        Stats sem = phase("semantic lookup", callers, perCaller / 3, i -> lookup(base, admin, reworded.apply(i), 0.75));
        Stats insights = phase("insights list, filtered", callers, perCaller, i -> get(
                base + "/api/v1/insights?client=bench-0&type=learning&tag=tag" + (i % 50)
                        + "&min_confidence=0.5&limit=20",
                admin));
        Stats insightsDomain = phase("insights by company", callers, perCaller, i -> get(
                base + "/api/v1/insights?client=bench-0&company_domain=company" + (i % 1000) + ".example&limit=20",
                admin));
        System.out.println();
        System.out.println(baseline);
        System.out.println(ex + "   (target p99 <= 10 ms)");
        System.out.println(sem + "   (target p99 <= 30 ms)");
        System.out.printf("semantic hits: %d of %d%n", semanticHits, sem.count);
        System.out.println(insights + "   (target p50 <= 20 ms, 100,000 insights; list, not search)");
        System.out.println(insightsDomain);
    }

    static volatile int semanticHits;

    static String lookup(String base, String admin, String topic, Double similarity) {
        String answer = send("POST", base + "/api/v1/research-cache/lookup", admin,
                "{\"client\":\"bench-0\",\"topic\":\"" + topic + "\""
                        + (similarity == null ? "" : ",\"similarity\":" + similarity) + "}");
        if (similarity != null && answer.contains("\"match\":\"semantic\"")) {
            synchronized (MemoryBench.class) {
                semanticHits++;
            }
        }
        return answer;
    }

    record Stats(String name, int count, double seconds, long[] nanos) {
        double pct(double p) {
            return nanos[Math.min(nanos.length - 1, (int) Math.ceil(p * nanos.length) - 1)] / 1e6;
        }

        @Override
        public String toString() {
            return String.format("%-26s n=%5d  %7.0f req/s  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %7.2f ms",
                    name, count, count / seconds, pct(0.50), pct(0.95), pct(0.99), nanos[nanos.length - 1] / 1e6);
        }
    }

    static Stats phase(String name, int callers, int each, IntFunction<String> call) throws Exception {
        long[] all = new long[callers * each];
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int caller = c;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        int n = caller * each + i;
                        long s = System.nanoTime();
                        call.apply(n);
                        all[n] = System.nanoTime() - s;
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        double seconds = secs(start);
        Arrays.sort(all);
        return new Stats(name, all.length, seconds, all);
    }

    static String get(String url, String key) {
        return call(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key).GET().build());
    }

    static String send(String method, String url, String key, String body) {
        return call(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    static String call(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(request.uri() + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String match(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(text);
        }
        return m.group(1);
    }

    static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
