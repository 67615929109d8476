import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * bench/usage's driver: GET /api/v1/metrics/usage for one client over 30 days from N concurrent
 * callers for a fixed time, per grouping, and the baseline in the same run: the same aggregation
 * as one plain SQL GROUP BY over the steps table (psql, one at a time), timed end to end.
 */
public class UsageBench {
  public static void main(String[] args) throws Exception {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int port = Integer.parseInt(o.get("port"));
    String key = o.get("admin-key");
    String client = o.get("client");
    String zone = o.get("zone");
    String from = o.get("from");
    String to = o.get("to");
    int callers = Integer.parseInt(o.getOrDefault("callers", "8"));
    int seconds = Integer.parseInt(o.getOrDefault("seconds", "20"));
    int baselineRuns = Integer.parseInt(o.getOrDefault("baseline-runs", "5"));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    for (String groupBy : List.of("day,model", "day,stage,prompt_version")) {
      String url = "http://127.0.0.1:" + port + "/api/v1/metrics/usage?client=" + client + "&from=" + from + "&to=" + to
          + "&group_by=" + groupBy;
      HttpResponse<String> first = get(http, url, key);
      if (first.statusCode() != 200) {
        throw new IllegalStateException("usage answered " + first.statusCode() + ": " + first.body());
      }
      int groups = first.body().split("\"keys\"", -1).length - 1;
      drive(http, url, key, callers, 3); // warm-up, not counted
      long[] latencies = drive(http, url, key, callers, seconds);
      System.out.printf(Locale.ROOT, "usage API group_by=%s: %d groups, %d calls from %d callers in %d s:"
          + " p50 %.1f ms, p99 %.1f ms, max %.1f ms (targets p50 <= 100, p99 <= 250: %s)%n", groupBy, groups,
          latencies.length, callers, seconds, pct(latencies, 0.50), pct(latencies, 0.99), pct(latencies, 1.0),
          pct(latencies, 0.50) <= 100 && pct(latencies, 0.99) <= 250 ? "met" : "MISSED");

      String[] dims = groupBy.split(",");
      List<String> keys = new ArrayList<>();
      for (String d : dims) {
        keys.add(d.equals("day") ? "(logged_at AT TIME ZONE '" + zone + "')::date" : d);
      }
      String sql = "SELECT " + String.join(", ", keys) + ", count(DISTINCT run_id) AS runs, count(*) AS steps,"
          + " count(*) FILTER (WHERE status = 'failure') AS failed, sum(tokens_input), sum(tokens_output),"
          + " sum(cost_usd), count(*) FILTER (WHERE cost_usd IS NULL),"
          + " percentile_disc(0.5) WITHIN GROUP (ORDER BY latency_ms),"
          + " percentile_disc(0.95) WITHIN GROUP (ORDER BY latency_ms)"
          + " FROM steps WHERE client_id = (SELECT id FROM clients WHERE slug = '" + client + "')"
          + " AND logged_at >= (timestamp '" + from + "' AT TIME ZONE '" + zone + "')"
          + " AND logged_at < (timestamp '" + to + "' AT TIME ZONE '" + zone + "')"
          + " GROUP BY " + String.join(", ", keys);
      long[] base = new long[baselineRuns];
      int rows = 0;
      for (int i = 0; i < baselineRuns; i++) {
        long t0 = System.nanoTime();
        rows = psql(o.get("psql"), o.get("pg-port"), sql);
        base[i] = System.nanoTime() - t0;
      }
      Arrays.sort(base);
      System.out.printf(Locale.ROOT, "baseline plain GROUP BY over steps, same grouping: %d groups, %d runs one at a"
          + " time: p50 %.1f ms, max %.1f ms; API p50 is %.0fx faster%n", rows, baselineRuns, pct(base, 0.5),
          pct(base, 1.0), pct(base, 0.5) / pct(latencies, 0.5));
    }
  }

  static HttpResponse<String> get(HttpClient http, String url, String key) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static long[] drive(HttpClient http, String url, String key, int callers, int seconds) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    ConcurrentLinkedQueue<Long> all = new ConcurrentLinkedQueue<>();
    AtomicLong failures = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < callers; t++) {
      threads.add(Thread.ofPlatform().start(() -> {
        while (System.nanoTime() < end) {
          long t0 = System.nanoTime();
          try {
            if (get(http, url, key).statusCode() != 200) {
              failures.incrementAndGet();
            }
          } catch (Exception e) {
            failures.incrementAndGet();
          }
          all.add(System.nanoTime() - t0);
        }
      }));
    }
    for (Thread t : threads) {
      t.join();
    }
    if (failures.get() > 0) {
      System.out.println("  failed calls: " + failures.get());
    }
    long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
    return sorted;
  }

  static double pct(long[] sortedNanos, double share) {
    int i = (int) Math.min(sortedNanos.length - 1, Math.max(0, Math.ceil(share * sortedNanos.length) - 1));
    return sortedNanos[i] / 1e6;
  }

  static int psql(String psql, String pgPort, String sql) throws Exception {
    Process p = new ProcessBuilder(psql, "-h", "127.0.0.1", "-p", pgPort, "-U", "postgres", "-d", "columnline",
        "-At", "-v", "ON_ERROR_STOP=1", "-c", sql).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("psql failed: " + out);
    }
    return out.isBlank() ? 0 : out.split("\n").length;
  }
}
