import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Search at scale. MAIN chunks of one client and OTHER chunks of nine others go straight into
 * PostgreSQL by COPY (ready sources of 100 chunks, caller-supplied 384-dimension vectors drawn from
 * clustered Gaussians, text from a Zipf-distributed business vocabulary, metadata {"bucket": 0..99}),
 * then the server is made to rebuild its index from PostgreSQL (a new epoch, as `columnline index
 * rebuild` starts). Printed: the build time, hybrid search latency over HTTP with 16 concurrent
 * callers (p50/p99), vector recall@10 against the exact answer the bench computes by brute force,
 * the same with a metadata filter keeping 1% of the client's chunks, the server's RSS and the index
 * size. Baselines measured in the same run: GET /healthz with 16 callers (the HTTP floor) and the
 * exact brute-force scan of the client's vectors in this JVM.
 *
 * java -Xmx4g -cp app/target/columnline.jar ScaleBench.java BASE ADMIN_KEY JDBC_URL HOME SERVER_PID MAIN OTHER
 */
public class ScaleBench {
    static final int DIM = 384;
    static final int CLUSTERS = 512;
    static final int PER_SOURCE = 100;
    static final int CALLERS = 16;
    static final String MODEL = "bench-gaussian-384";
    static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CALLERS)).build();
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final Pattern CHUNK_ID = Pattern.compile("\"chunk_id\":\"([0-9a-f-]{36})\"");

    static String base;
    static String admin;
    static final String[] VOCABULARY = vocabulary();

    public static void main(String[] args) throws Exception {
        base = args[0];
        admin = args[1];
        String jdbc = args[2];
        Path home = Path.of(args[3]);
        long serverPid = Long.parseLong(args[4]);
        int main = Integer.parseInt(args[5]);
        int other = Integer.parseInt(args[6]);
        Random random = new Random(7);
        float[][] centres = new float[CLUSTERS][DIM];
        for (float[] c : centres) {
            for (int d = 0; d < DIM; d++) {
                c[d] = (float) random.nextGaussian();
            }
        }
        List<UUID> clients = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            String answer = send("PUT", "/api/v1/clients/scale-" + c, "{\"name\":\"Scale " + c + "\"}");
            Matcher m = ID.matcher(answer);
            if (!m.find()) {
                throw new IllegalStateException(answer);
            }
            clients.add(UUID.fromString(m.group(1)));
        }
        float[][] vectors = new float[main][];
        UUID[] ids = new UUID[main];
        long loadStarted = System.nanoTime();
        try (Connection pg = DriverManager.getConnection(jdbc)) {
            CopyManager copy = pg.unwrap(PGConnection.class).getCopyAPI();
            load(copy, clients.get(0), main, centres, random, vectors, ids);
            for (int c = 1; c < 10; c++) {
                load(copy, clients.get(c), other / 9, centres, random, null, null);
            }
            System.out.printf(Locale.ROOT, "loaded %,d + %,d chunks into PostgreSQL by COPY in %.1f s%n",
                    main, other / 9 * 9, (System.nanoTime() - loadStarted) / 1e9);
            long built = System.nanoTime();
            pg.createStatement().execute("UPDATE knowledge_index_epoch SET epoch = gen_random_uuid()");
            while (status("POST", "/api/v1/search", "{\"client\":\"scale-0\",\"query\":\"market\",\"mode\":\"lexical\",\"limit\":1}") != 200) {
                Thread.sleep(200);
            }
            System.out.printf(Locale.ROOT, "index build from PostgreSQL (%,d chunks): %.1f s%n",
                    main + other / 9 * 9, (System.nanoTime() - built) / 1e9);
        }
        System.out.printf(Locale.ROOT, "index size: %,d MB%n", size(home.resolve("index")) / 1_000_000);

        Random queries = new Random(11);
        int[] bucketOf = new int[main];
        for (int i = 0; i < main; i++) {
            bucketOf[i] = i % 100;
        }
        List<float[]> queryVectors = new ArrayList<>();
        List<String> queryTexts = new ArrayList<>();
        for (int q = 0; q < 400; q++) {
            float[] v = vectors[queries.nextInt(main)].clone();
            for (int d = 0; d < DIM; d++) {
                v[d] += 0.2f * (float) queries.nextGaussian();
            }
            queryVectors.add(v);
            queryTexts.add(words(queries, 3));
        }
        double floor = latency(i -> status("GET", "/healthz", null), 1600)[0];
        System.out.printf(Locale.ROOT, "baseline: GET /healthz, %d callers: p50 %.2f ms%n", CALLERS, floor);
        for (String filter : new String[] {null, "{\"metadata\":{\"bucket\":7}}"}) {
            String label = filter == null ? "no filter" : "metadata filter keeping 1%";
            double[] p = latency(i -> status("POST", "/api/v1/search", body(queryTexts.get(i % 400), queryVectors.get(i % 400), "hybrid", filter)), 1600);
            System.out.printf(Locale.ROOT, "hybrid search, %d callers, %s: p50 %.1f ms, p99 %.1f ms (targets 20 / 50)%n",
                    CALLERS, label, p[0], p[1]);
            double recall = 0;
            long exactNanos = 0;
            int measured = 100;
            for (int q = 0; q < measured; q++) {
                float[] v = queryVectors.get(q);
                long t = System.nanoTime();
                Set<UUID> exact = exact(vectors, ids, bucketOf, v, filter == null ? -1 : 7);
                exactNanos += System.nanoTime() - t;
                String answer = send("POST", "/api/v1/search", body(queryTexts.get(q), v, "vector", filter));
                Matcher m = CHUNK_ID.matcher(answer);
                int hits = 0;
                while (m.find()) {
                    if (exact.contains(UUID.fromString(m.group(1)))) {
                        hits++;
                    }
                }
                recall += hits / 10.0;
            }
            System.out.printf(Locale.ROOT, "vector recall@10 vs brute force, %s: %.3f (target 0.95); baseline exact scan in this JVM: %.1f ms/query%n",
                    label, recall / measured, exactNanos / 1e6 / measured);
        }
        System.out.printf(Locale.ROOT, "server RSS after the searches: %,d MB%n", rss(serverPid) / 1024);
        System.exit(0);
    }

    interface Call {
        int run(int i) throws Exception;
    }

    /** p50 and p99 in ms of {@code total} calls from CALLERS threads, after a warm-up of 200. */
    static double[] latency(Call call, int total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<Long>> warm = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                warm.add(pool.submit(() -> timed(call, n)));
            }
            for (Future<Long> f : warm) {
                f.get();
            }
            List<Future<Long>> runs = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                int n = i;
                runs.add(pool.submit(() -> timed(call, n)));
            }
            long[] nanos = new long[total];
            for (int i = 0; i < total; i++) {
                nanos[i] = runs.get(i).get();
            }
            Arrays.sort(nanos);
            return new double[] {nanos[total / 2] / 1e6, nanos[(int) (total * 0.99)] / 1e6};
        } finally {
            pool.shutdown();
        }
    }

    static long timed(Call call, int i) throws Exception {
        long t = System.nanoTime();
        int status = call.run(i);
        if (status != 200) {
            throw new IllegalStateException("status " + status);
        }
        return System.nanoTime() - t;
    }

    static Set<UUID> exact(float[][] vectors, UUID[] ids, int[] bucketOf, float[] query, int bucket) {
        float[] q = unit(query);
        int k = 10;
        int[] best = new int[k];
        double[] scores = new double[k];
        Arrays.fill(scores, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < vectors.length; i++) {
            if (bucket >= 0 && bucketOf[i] != bucket) {
                continue;
            }
            float[] v = vectors[i];
            double dot = 0;
            for (int d = 0; d < DIM; d++) {
                dot += q[d] * v[d];
            }
            if (dot > scores[k - 1]) {
                int at = k - 1;
                while (at > 0 && scores[at - 1] < dot) {
                    scores[at] = scores[at - 1];
                    best[at] = best[at - 1];
                    at--;
                }
                scores[at] = dot;
                best[at] = i;
            }
        }
        Set<UUID> found = new HashSet<>();
        for (int i : best) {
            found.add(ids[i]);
        }
        return found;
    }

    static String body(String text, float[] vector, String mode, String filter) {
        StringBuilder b = new StringBuilder("{\"client\":\"scale-0\",\"query\":\"").append(text)
                .append("\",\"mode\":\"").append(mode).append("\",\"limit\":10,\"vector\":{\"model\":\"")
                .append(MODEL).append("\",\"values\":[");
        for (int d = 0; d < vector.length; d++) {
            if (d > 0) {
                b.append(',');
            }
            b.append(vector[d]);
        }
        b.append("]}");
        if (filter != null) {
            b.append(",\"filter\":").append(filter);
        }
        return b.append('}').toString();
    }

    /** Ready sources of PER_SOURCE chunks each; vectors and ids of the main client kept for brute force. */
    static void load(CopyManager copy, UUID client, int chunks, float[][] centres, Random random, float[][] keep, UUID[] keepIds)
            throws Exception {
        int sources = (chunks + PER_SOURCE - 1) / PER_SOURCE;
        UUID[] sourceIds = new UUID[sources];
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < sources; i++) {
            sourceIds[i] = UUID.randomUUID();
            String hash = sourceIds[i].toString().replace("-", "").repeat(2);
            s.append(sourceIds[i]).append('\t').append(client).append("\tdoc-").append(i).append("\t1\ttext\tdoc ").append(i)
                    .append("\ttext/plain\t\\\\x00\t").append(hash).append("\t1\t{}\tready\t")
                    .append(Math.min(PER_SOURCE, chunks - i * PER_SOURCE)).append("\t100\t2026-01-01 00:00:00+00\t2026-01-01 00:00:00+00\n");
        }
        copy.copyIn("COPY context_sources (id, client_id, key, version, type, name, content_type, content, sha256, size_bytes,"
                + " raw_metadata, status, chunk_count, token_count, created_at, processed_at) FROM STDIN", new StringReader(s.toString()));
        int batch = 20_000;
        for (int from = 0; from < chunks; from += batch) {
            StringBuilder c = new StringBuilder();
            StringBuilder e = new StringBuilder();
            for (int i = from; i < Math.min(chunks, from + batch); i++) {
                UUID id = UUID.randomUUID();
                float[] centre = centres[random.nextInt(CLUSTERS)];
                float[] v = new float[DIM];
                for (int d = 0; d < DIM; d++) {
                    v[d] = centre[d] + 0.5f * (float) random.nextGaussian();
                }
                if (keep != null) {
                    keep[i] = unit(v);
                    keepIds[i] = id;
                }
                c.append(id).append('\t').append(sourceIds[i / PER_SOURCE]).append('\t').append(client).append('\t')
                        .append(i % PER_SOURCE).append('\t').append(words(random, 60 + random.nextInt(60)))
                        .append("\t100\t{\"bucket\":").append(i % 100).append("}\n");
                e.append(id).append('\t').append(client).append('\t').append(MODEL).append('\t').append(DIM).append("\t{");
                for (int d = 0; d < DIM; d++) {
                    if (d > 0) {
                        e.append(',');
                    }
                    e.append(v[d]);
                }
                e.append("}\n");
            }
            copy.copyIn("COPY source_chunks (id, source_id, client_id, chunk_index, content, token_count, metadata) FROM STDIN",
                    new StringReader(c.toString()));
            copy.copyIn("COPY chunk_embeddings (chunk_id, client_id, model, dimension, embedding) FROM STDIN",
                    new StringReader(e.toString()));
        }
    }

    static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        float s = (float) (1 / Math.sqrt(n));
        float[] u = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            u[i] = v[i] * s;
        }
        return u;
    }

    /** Words drawn by Zipf's law from the vocabulary: a few very common, a long tail of rare ones. */
    static String words(Random random, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            int rank = (int) Math.min(VOCABULARY.length - 1, Math.floor(Math.pow(VOCABULARY.length, u)) - 1);
            if (i > 0) {
                b.append(' ');
            }
            b.append(VOCABULARY[Math.max(0, rank)]);
        }
        return b.toString();
    }

    /** Real business words first, then names made of syllables (companies, products, places). */
    static String[] vocabulary() {
        String common = "the of and to in a for is on that with by as market customer revenue growth quarter"
                + " pipeline contract renewal supplier logistics warehouse pricing discount budget forecast hiring"
                + " expansion security compliance platform integration support onboarding analytics dashboard report"
                + " meeting proposal demo trial churn segment region partner distributor retail wholesale factory"
                + " shipment order invoice payment subscription license software hardware service cloud data"
                + " office team manager director engineer sales marketing finance legal procurement strategy risk";
        List<String> words = new ArrayList<>(List.of(common.split(" ")));
        String[] syllables = {"ka", "lo", "mi", "ra", "ten", "vo", "sta", "nor", "gel", "dri", "fa", "zen", "pol", "tri", "ux", "bel"};
        Random r = new Random(3);
        while (words.size() < 20_000) {
            StringBuilder w = new StringBuilder();
            for (int s = 0; s < 2 + r.nextInt(3); s++) {
                w.append(syllables[r.nextInt(syllables.length)]);
            }
            words.add(w.toString());
        }
        return words.toArray(String[]::new);
    }

    static int status(String method, String path, String body) throws Exception {
        return request(method, path, body).statusCode();
    }

    static String send(String method, String path, String body) throws Exception {
        return request(method, path, body).body();
    }

    static HttpResponse<String> request(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static long size(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static long rss(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
