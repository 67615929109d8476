import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator of bench/step-ingest (JDK only, run as a source file). Against a running
 * Columnline it creates a client, a key and two runs, then measures in this order: a warm-up,
 * the pgbench baseline (the server's own single-row INSERT into steps, same concurrency, same
 * PostgreSQL), single-step POSTs, and batch POSTs. A small HTTP/1.1 client on plain keep-alive
 * sockets keeps the generator's own CPU use low, since it shares the machine with the server.
 */
public final class StepIngest {
  private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length:\\s*(\\d+)");

  private final String host;
  private final int port;
  private final Map<String, String> options;

  private StepIngest(String host, int port, Map<String, String> options) {
    this.host = host;
    this.port = port;
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    new StepIngest("127.0.0.1", Integer.parseInt(options.get("port")), options).run();
  }

  private int number(String name, int fallback) {
    return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
  }

  private void run() throws Exception {
    int seconds = number("seconds", 30);
    int connections = number("connections", 32);
    int batchSize = number("batch", 100);
    int warmup = number("warmup", 10);
    String admin = options.get("admin-key");
    List<String> phases = List.of(options.getOrDefault("phases", "warmup,baseline,single,batch").split(","));

    String client = "bench-" + Long.toHexString(System.nanoTime());
    check(call("PUT", "/api/v1/clients/" + client, admin, "{\"name\":\"Benchmark\"}"), 201);
    String key = field(check(call("POST", "/api/v1/api-keys", admin, "{\"client\":\"" + client + "\"}"), 201), "key");
    String seed = "{\"seed\":{\"company_name\":\"Bench Corp\",\"domain\":\"bench.example\"}}";
    String run = field(check(call("POST", "/api/v1/runs", key, seed), 201), "id");
    String baselineRun = field(check(call("POST", "/api/v1/runs", key, seed), 201), "id");
    String clientId = field(call("GET", "/api/v1/runs/" + run, key, null), "client_id");
    String output = output();
    System.out.printf(Locale.ROOT, "client %s, run %s, %d connections, step output %d bytes of JSON%n",
        client, run, connections, output.length());

    String singlePath = "/api/v1/runs/" + run + "/steps";
    String batchPath = singlePath + "/batch";
    if (phases.contains("warmup")) {
      System.out.printf("warm-up: %d s of single steps, %d s of batches (not counted)%n", warmup,
          Math.max(1, warmup / 2));
      drive(singlePath, key, connections, warmup, 1, output, false);
      drive(batchPath, key, connections, Math.max(1, warmup / 2), batchSize, output, true);
    }
    Baseline baseline = new Baseline(Double.NaN, Double.NaN);
    if (phases.contains("baseline")) {
      System.out.printf("baseline: pgbench, the same single-row INSERT into steps, %d clients, %d s%n", connections,
          seconds);
      baseline = pgbench(clientId, baselineRun, output, connections, seconds);
      System.out.printf(Locale.ROOT, "  baseline: %.0f rows/s%n", baseline.rowsPerSecond());
    }
    Result single = Result.NONE;
    if (phases.contains("single")) {
      System.out.printf("single: POST %s, %d connections, %d s%n", "/api/v1/runs/{id}/steps", connections, seconds);
      single = drive(singlePath, key, connections, seconds, 1, output, false);
      System.out.println("  " + single);
    }
    Result batch = Result.NONE;
    if (phases.contains("batch")) {
      System.out.printf("batch: POST %s with %d steps, %d connections, %d s%n", "/api/v1/runs/{id}/steps/batch",
          batchSize, connections, seconds);
      batch = drive(batchPath, key, connections, seconds, batchSize, output, true);
      System.out.println("  " + batch);
    }

    String stored = field(call("GET", "/api/v1/runs/" + run, key, null), "total");
    double singleRatio = single.stepsPerSecond() / baseline.rowsPerSecond();
    double batchRatio = batch.stepsPerSecond() / baseline.rowsPerSecond();
    boolean singleOk = singleRatio >= 0.6 && single.p99Millis() <= 50;
    boolean batchOk = batchRatio >= 3;
    System.out.println();
    System.out.printf(Locale.ROOT, "baseline (pgbench INSERT)  %8.0f rows/s%n", baseline.rowsPerSecond());
    System.out.printf(Locale.ROOT, "single-step POST           %8.0f steps/s  p50 %.1f ms  p99 %.1f ms  ratio %.2f"
        + "  (target >= 0.60 with p99 <= 50 ms: %s)%n", single.stepsPerSecond(), single.p50Millis(), single.p99Millis(),
        singleRatio, singleOk ? "met" : "MISSED");
    System.out.printf(Locale.ROOT, "batch POST (%d per request) %7.0f steps/s  p50 %.1f ms  p99 %.1f ms  ratio %.2f"
        + "  (target >= 3.00: %s)%n", batchSize, batch.stepsPerSecond(), batch.p50Millis(), batch.p99Millis(),
        batchRatio, batchOk ? "met" : "MISSED");
    System.out.printf("steps stored in the benchmark run: %s; failed requests: %d%n", stored,
        single.failures() + batch.failures());
    System.out.printf(Locale.ROOT, "CPU per step (server + PostgreSQL + load generator; baseline: pgbench + PostgreSQL):"
        + " baseline %.0f us, single %.0f us (ratio %.2f), batch %.0f us (ratio %.2f)%n",
        baseline.cpuMicrosPerRow(), single.cpuMicrosPerStep(), baseline.cpuMicrosPerRow() / single.cpuMicrosPerStep(),
        batch.cpuMicrosPerStep(), baseline.cpuMicrosPerRow() / batch.cpuMicrosPerStep());
    System.out.printf(Locale.ROOT, "load average at the end: %s%n",
        Files.readString(Path.of("/proc/loadavg")).strip());
  }

  /**
   * CPU seconds used so far by the server JVM, by PostgreSQL (the postmaster, its live backends and
   * the backends it has reaped) and by this process with the children it has waited for (pgbench):
   * read from /proc so that the cost per step can be compared even on a machine others load too.
   */
  private double cpuSeconds() {
    double[] parts = cpuParts();
    return parts[0] + parts[1] + parts[2];
  }

  /** CPU seconds of the server, of PostgreSQL and of this process (with reaped children). */
  private double[] cpuParts() {
    double server = processTicks(options.get("server-pid"), false) / 100.0;
    double ticks = 0;
    String postmaster = postmasterPid();
    if (postmaster != null) {
      ticks += processTicks(postmaster, true);
      try (var procs = Files.list(Path.of("/proc"))) {
        for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
          String[] stat = stat(proc.getFileName().toString());
          if (stat != null && stat[1].equals(postmaster)) {
            ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
          }
        }
      } catch (IOException e) {
        return new double[] {Double.NaN, Double.NaN, Double.NaN};
      }
    }
    return new double[] {server, ticks / 100.0, processTicks("self", true) / 100.0};
  }

  /** Live children of the postmaster (backends and background processes). */
  private long postgresChildren() {
    String postmaster = postmasterPid();
    if (postmaster == null) {
      return 0;
    }
    try (var procs = Files.list(Path.of("/proc"))) {
      return procs.map(p -> p.getFileName().toString()).filter(name -> name.matches("\\d+"))
          .map(StepIngest::stat).filter(stat -> stat != null && stat[1].equals(postmaster) && !stat[0].equals("Z"))
          .count();
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * pgbench's backends exit when it does; their CPU time counts only once the postmaster has
   * reaped them, so wait for that before reading it.
   */
  private void awaitBackendsReaped(long before) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (postgresChildren() > before && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Thread.sleep(200);
  }

  private String postmasterPid() {
    try {
      return options.containsKey("pg-data")
          ? Files.readAllLines(Path.of(options.get("pg-data"), "postmaster.pid")).get(0).strip() : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static long processTicks(String pid, boolean withReapedChildren) {
    String[] stat = pid == null ? null : stat(pid);
    if (stat == null) {
      return 0;
    }
    long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
    return withReapedChildren ? ticks + Long.parseLong(stat[13]) + Long.parseLong(stat[14]) : ticks;
  }

  /** The fields of /proc/PID/stat after the command name: [0] state, [1] ppid, [11] utime, [12] stime, ... */
  private static String[] stat(String pid) {
    try {
      String text = Files.readString(Path.of("/proc", pid, "stat"));
      return text.substring(text.lastIndexOf(')') + 2).split(" ");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  record Result(long requests, long steps, long failures, double seconds, long[] latenciesNanos, double cpuSeconds) {
    static final Result NONE = new Result(0, 0, 0, 1, new long[0], Double.NaN);

    double cpuMicrosPerStep() {
      return cpuSeconds / steps * 1e6;
    }

    double stepsPerSecond() {
      return steps / seconds;
    }

    double percentileMillis(double p) {
      if (latenciesNanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.min(latenciesNanos.length - 1, Math.ceil(p * latenciesNanos.length) - 1);
      return latenciesNanos[Math.max(0, index)] / 1e6;
    }

    double p50Millis() {
      return percentileMillis(0.50);
    }

    double p99Millis() {
      return percentileMillis(0.99);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d requests, %d steps in %.1f s: %.0f steps/s, p50 %.1f ms, p99 %.1f ms,"
          + " max %.1f ms, %d failed; CPU %.0f us per step", requests, steps, seconds, stepsPerSecond(), p50Millis(),
          p99Millis(), percentileMillis(1.0), failures, cpuMicrosPerStep());
    }
  }

  /** {@code connections} keep-alive connections posting as fast as the server answers, for {@code seconds}. */
  private Result drive(String path, String key, int connections, int seconds, int stepsPerRequest, String output,
      boolean batch) throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicLong failures = new AtomicLong();
    List<long[]> latencies = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    int[] counts = new int[connections];
    String[] firstFailure = new String[1];
    for (int c = 0; c < connections; c++) {
      long[][] mine = {new long[1 << 16]};
      int slot = c;
      Thread thread = Thread.ofPlatform().name("load-" + c).start(() -> {
        try (Connection connection = new Connection(host, port)) {
          int n = 0;
          while (System.nanoTime() < deadline) {
            String body = batch ? batchBody(stepsPerRequest, output) : stepBody(output);
            long started = System.nanoTime();
            Answer answer = connection.post(path, key, body);
            long took = System.nanoTime() - started;
            if (answer.status() != 201) {
              failures.incrementAndGet();
              synchronized (firstFailure) {
                if (firstFailure[0] == null) {
                  firstFailure[0] = answer.status() + " " + answer.body();
                }
              }
            }
            if (n == mine[0].length) {
              mine[0] = Arrays.copyOf(mine[0], n * 2);
            }
            mine[0][n++] = took;
          }
          counts[slot] = n;
          synchronized (latencies) {
            latencies.add(Arrays.copyOf(mine[0], n));
          }
        } catch (IOException e) {
          failures.incrementAndGet();
          synchronized (firstFailure) {
            firstFailure[0] = "connection failed: " + e;
          }
        }
      });
      threads.add(thread);
    }
    long started = System.nanoTime();
    double[] cpuBefore = cpuParts();
    for (Thread thread : threads) {
      thread.join();
    }
    double[] cpuAfter = cpuParts();
    double cpu = cpuAfter[0] + cpuAfter[1] + cpuAfter[2] - cpuBefore[0] - cpuBefore[1] - cpuBefore[2];
    double elapsed = (System.nanoTime() - started) / 1e9;
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    if (firstFailure[0] != null) {
      System.out.println("  first failure: " + firstFailure[0].substring(0, Math.min(400, firstFailure[0].length())));
    }
    long requests = all.length;
    long okSteps = (requests - failures.get()) * stepsPerRequest;
    System.out.printf(Locale.ROOT, "  CPU per step: server %.0f us, PostgreSQL %.0f us, load generator %.0f us%n",
        (cpuAfter[0] - cpuBefore[0]) / okSteps * 1e6, (cpuAfter[1] - cpuBefore[1]) / okSteps * 1e6,
        (cpuAfter[2] - cpuBefore[2]) / okSteps * 1e6);
    return new Result(requests, (requests - failures.get()) * stepsPerRequest, failures.get(), elapsed, all, cpu);
  }

  private static String stepBody(String output) {
    return "{\"step_key\":\"k" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1)
        + "\",\"stage\":\"research\",\"section\":\"company\",\"prompt_key\":\"research.claims\",\"prompt_version\":3,"
        + "\"model\":\"gpt-4o\",\"tokens_input\":1834,\"tokens_output\":642,\"latency_ms\":2870,\"status\":\"success\","
        + "\"input\":{\"company\":\"Bench Corp\",\"domain\":\"bench.example\"},\"output\":" + output + "}";
  }

  private static String batchBody(int size, String output) {
    var body = new StringBuilder(size * (output.length() + 400)).append("{\"steps\":[");
    for (int i = 0; i < size; i++) {
      body.append(i == 0 ? "" : ",").append(stepBody(output));
    }
    return body.append("]}").toString();
  }

  /** About 2 KB of JSON, shaped like a research step's claims. */
  static String output() {
    var out = new StringBuilder("{\"claims\":[");
    for (int i = 0; i < 12; i++) {
      out.append(i == 0 ? "" : ",").append("{\"confidence\":0.").append(70 + i)
          .append(",\"source\":\"https://news.example.com/articles/2026/bench-corp-").append(i)
          .append("\",\"text\":\"Bench Corp expanded its logistics operations in region ").append(i)
          .append(" and hired new staff.\"}");
    }
    return out.append("],\"summary\":\"Bench Corp is a mid-sized logistics company.\"}").toString();
  }

  /** pgbench running the server's single-row INSERT, with the same values, into the same table. */
  record Baseline(double rowsPerSecond, double cpuMicrosPerRow) {}

  private Baseline pgbench(String clientId, String run, String output, int clients, int seconds) throws Exception {
    String fingerprint = "0".repeat(64);
    String sql = "\\set k random(1, 4000000000000000000)\n"
        + "INSERT INTO steps (client_id, run_id, step_key, attempt, stage, section, prompt_key, prompt_version, model,"
        + " input, output, tokens_input, tokens_output, cost_usd, cost_source, latency_ms, status, error, fingerprint,"
        + " logged_at) VALUES ('" + clientId + "', '" + run + "', 'b' || :k, 1, 'research', 'company',"
        + " 'research.claims', 3, 'gpt-4o', '{\"company\":\"Bench Corp\",\"domain\":\"bench.example\"}', '"
        + output + "', 1834, 642, 0.011005, 'priced', 2870, 'success', NULL, '" + fingerprint + "', now())"
        + " ON CONFLICT DO NOTHING;\n";
    Path script = Files.createTempFile("step-ingest", ".sql");
    Files.writeString(script, sql);
    long backendsBefore = postgresChildren();
    double cpuBefore = cpuSeconds();
    Process process = new ProcessBuilder(options.getOrDefault("pgbench", "pgbench"), "-n", "-h", "127.0.0.1",
        "-p", options.get("pg-port"), "-U", "postgres", "-c", Integer.toString(clients), "-j", "4",
        "-T", Integer.toString(seconds), "-M", "prepared", "-f", script.toString(), "columnline")
        .redirectErrorStream(true).start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    awaitBackendsReaped(backendsBefore);
    double cpu = cpuSeconds() - cpuBefore;
    Files.deleteIfExists(script);
    Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(text);
    Matcher latency = Pattern.compile("latency average = ([0-9.]+ ms)").matcher(text);
    if (exit != 0 || !tps.find()) {
      throw new IllegalStateException("pgbench failed (exit " + exit + "):\n" + text);
    }
    Matcher transactions = Pattern.compile("number of transactions actually processed: (\\d+)").matcher(text);
    double rows = transactions.find() ? Double.parseDouble(transactions.group(1)) : Double.NaN;
    System.out.printf(Locale.ROOT, "  pgbench latency average %s; CPU %.0f us per row%n",
        latency.find() ? latency.group(1) : "?", cpu / rows * 1e6);
    return new Baseline(Double.parseDouble(tps.group(1)), cpu / rows * 1e6);
  }

  private Answer call(String method, String path, String key, String body) throws IOException {
    try (Connection connection = new Connection(host, port)) {
      return connection.send(method, path, key, body);
    }
  }

  private static Answer check(Answer answer, int status) {
    if (answer.status() != status) {
      throw new IllegalStateException("expected " + status + " but got " + answer.status() + ": " + answer.body());
    }
    return answer;
  }

  private static String field(Answer answer, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\\s*\"?([^\",}]+)").matcher(answer.body());
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + answer.body());
    }
    return m.group(1);
  }

  record Answer(int status, String body) {}

  /** One keep-alive HTTP/1.1 connection; requests and answers carry a Content-Length. */
  static final class Connection implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String host;

    Connection(String host, int port) throws IOException {
      this.host = host + ":" + port;
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), 5_000);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    Answer post(String path, String key, String body) throws IOException {
      return send("POST", path, key, body);
    }

    Answer send(String method, String path, String key, String body) throws IOException {
      byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + key
          + "\r\nContent-Type: application/json\r\nContent-Length: " + payload.length + "\r\n\r\n";
      byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
      byte[] request = Arrays.copyOf(headBytes, headBytes.length + payload.length);
      System.arraycopy(payload, 0, request, headBytes.length, payload.length);
      out.write(request);
      out.flush();
      return read();
    }

    private Answer read() throws IOException {
      var headers = new StringBuilder();
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b == -1) {
          throw new IOException("the server closed the connection");
        }
        headers.append((char) b);
        matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
            ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      String text = headers.toString();
      int status = Integer.parseInt(text.substring(9, 12));
      Matcher length = CONTENT_LENGTH.matcher(text);
      if (!length.find()) {
        throw new IOException("answer without Content-Length: " + text);
      }
      byte[] body = in.readNBytes(Integer.parseInt(length.group(1)));
      return new Answer(status, new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
