import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives a running Columnline over HTTP: PUBLISHERS threads each publish RUNS_EACH runs of 8
 * sections (checked against their JSON Schemas) and 20 contacts, and report p50/p99 latency and
 * publishes per second. The baseline, measured in the same run with the same concurrency, is an
 * authenticated read of one run (GET /api/v1/runs/{id}): what any call costs on this machine.
 * Runs are prepared (started, 8 writer steps logged, 20 contacts added) before the clock starts.
 * Companies repeat across runs, so about half the publishes supersede an earlier dossier. The load
 * generator shares the machine with the server, so it speaks plain HTTP/1.1 over one keep-alive
 * socket per thread: the JDK's HttpClient cost about 1.5 ms of CPU per publish.
 *
 * java PublishBench.java http://127.0.0.1:PORT ADMIN_KEY [publishers] [runs per publisher]
 * (WARMUP_EACH, default 200: publishes per publisher before the clock starts. The server's C2 and
 * the load generator's own JIT still compile after 100 each: with 100 warm-up and 40 measured per
 * publisher, compiler threads took a fifth of the server's CPU in the 2 s measured, and CPU per
 * publish was 4.0 ms on the server and 0.8-1.0 ms here, against 2.2-2.5 and 0.3 with 200 and 100.)
 */
public class PublishBench {
  static final int SECTIONS = 8;
  static final int CONTACTS = 20;
  static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
  static final Pattern SUPERSEDED = Pattern.compile("\"status\":\"superseded\"");
  static final Pattern KEY = Pattern.compile("\"key\":\"([^\"]+)\"");

  static String base;

  public static void main(String[] args) throws Exception {
    base = args[0];
    String admin = args[1];
    int publishers = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    int runsEach = args.length > 3 ? Integer.parseInt(args[3]) : 100;
    // the JIT compiles the publish path for the first few hundred publishes: those are not measured
    int warmupEach = Integer.parseInt(System.getenv().getOrDefault("WARMUP_EACH", "200"));
    String serverPid = args.length > 4 ? args[4] : null;
    String pgData = args.length > 5 ? args[5] : null;

    String slug = "bench-" + Long.toString(System.nanoTime(), 36);
    must(send("PUT", "/api/v1/clients/" + slug, admin, "{\"name\":\"Bench\",\"timezone\":\"Europe/Berlin\"}"), 201);
    String key = match(KEY, must(send("POST", "/api/v1/api-keys", admin, "{\"client\":\"" + slug + "\"}"), 201));
    for (int s = 0; s < SECTIONS; s++) {
      must(send("PUT", "/api/v1/section-definitions/bench_section_" + s, admin, """
          {"title": "Section %d", "position": %d, "writer_prompt_key": "writer.bench_%d", "required": true,
           "schema": {"type": "object", "required": ["headline", "score", "points"],
             "properties": {"headline": {"type": "string", "maxLength": 500}, "score": {"type": "integer"},
               "points": {"type": "array", "items": {"type": "object", "required": ["text"],
                 "properties": {"text": {"type": "string"}, "source": {"type": "string"}}}}}}}"""
          .formatted(s, 100 + s, s, s)), 200, 201);
    }

    int total = publishers * (runsEach + warmupEach);
    System.out.printf("preparing %d runs (8 writer steps and 20 contacts each) for %d publishers...%n", total, publishers);
    List<String> runs = parallel(publishers, total, i -> prepare(key, i));
    Collections.shuffle(runs, new java.util.Random(7));

    List<String> warmup = runs.subList(0, publishers * warmupEach);
    List<String> measured = runs.subList(publishers * warmupEach, runs.size());
    // the baseline first, so that the measured publishes follow their own warm-up: code the JIT
    // compiled for publishing is not recompiled for reads while the publishes are timed
    timed(publishers, measured.subList(0, Math.min(measured.size(), publishers * warmupEach)),
        run -> must(send("GET", "/api/v1/runs/" + run, key, null), 200));
    double[] beforeGet = cpu(serverPid, pgData);
    Result baseline = timed(publishers, measured, run -> must(send("GET", "/api/v1/runs/" + run, key, null), 200));
    double[] afterGet = cpu(serverPid, pgData);

    timed(publishers, warmup, run -> must(send("POST", "/api/v1/runs/" + run + "/publish", key, ""), 201));
    double[] before = cpu(serverPid, pgData);
    Result publish = timed(publishers, measured, run -> must(send("POST", "/api/v1/runs/" + run + "/publish", key, ""), 201));
    double[] after = cpu(serverPid, pgData);
    String superseded = must(send("GET", "/api/v1/dossiers?status=superseded&limit=500", key, null), 200);
    int replaced = count(SUPERSEDED, superseded);

    System.out.printf("publish: %d publishes by %d concurrent publishers: p50 %.1f ms, p99 %.1f ms, max %.1f ms,"
        + " %.0f publishes/s (%s dossiers are superseded now)%n", measured.size(), publishers,
        publish.p(50), publish.p(99), publish.max(), publish.perSecond(), replaced < 500 ? replaced : "500 or more");
    System.out.printf("baseline: GET /api/v1/runs/{id} at the same concurrency: p50 %.1f ms, p99 %.1f ms, %.0f requests/s%n",
        baseline.p(50), baseline.p(99), baseline.perSecond());
    if (serverPid != null) {
      System.out.printf("CPU per publish: server %.1f ms, PostgreSQL %.1f ms, load generator %.1f ms%n",
          (after[0] - before[0]) * 1000 / measured.size(), (after[1] - before[1]) * 1000 / measured.size(),
          (after[2] - before[2]) * 1000 / measured.size());
      System.out.printf("CPU per baseline GET: server %.1f ms, PostgreSQL %.1f ms, load generator %.1f ms%n",
          (afterGet[0] - beforeGet[0]) * 1000 / measured.size(), (afterGet[1] - beforeGet[1]) * 1000 / measured.size(),
          (afterGet[2] - beforeGet[2]) * 1000 / measured.size());
    }
    System.out.printf("target: publish p99 <= 100 ms -> %s%n", publish.p(99) <= 100 ? "met" : "NOT met");
  }

  static String prepare(String key, int i) {
    int company = i / 2;
    String domain = "company-" + company + ".example";
    String run = match(ID, must(send("POST", "/api/v1/runs", key,
        "{\"seed\": {\"company_name\": \"Company " + company + "\", \"domain\": \"https://www." + domain + "/\"}}"), 201));
    StringBuilder steps = new StringBuilder("{\"steps\": [");
    for (int s = 0; s < SECTIONS; s++) {
      StringBuilder points = new StringBuilder();
      for (int p = 0; p < 6; p++) {
        points.append(p == 0 ? "" : ",").append("{\"text\": \"Finding ").append(p)
            .append(" about the company, with enough words to look like a writer's paragraph of research output.\",")
            .append(" \"source\": \"https://").append(domain).append("/page/").append(p).append("\"}");
      }
      steps.append(s == 0 ? "" : ",").append("""
          {"step_key": "writer.bench_%d", "attempt": 1, "stage": "writers", "section": "bench_section_%d",
           "model": "gpt-4.1", "tokens_input": 6000, "tokens_output": 900, "latency_ms": 12000, "status": "success",
           "output": {"headline": "Section %d of company %d", "score": %d, "points": [%s]}}"""
          .formatted(s, s, s, company, s, points));
    }
    must(send("POST", "/api/v1/runs/" + run + "/steps/batch", key, steps.append("]}").toString()), 200, 201);
    StringBuilder contacts = new StringBuilder("{\"contacts\": [");
    for (int c = 0; c < CONTACTS; c++) {
      contacts.append(c == 0 ? "" : ",").append("""
          {"full_name": "Person %d Example", "first_name": "Person", "last_name": "Example %d", "position": "Head of %d",
           "work_email": "person%d@%s", "phone_numbers": ["+49 30 %07d"], "linkedin_url": "https://linkedin.com/in/p%d",
           "source_urls": ["https://%s/team"], "ai_research_data": {"persona": "buyer", "seniority": %d}}"""
          .formatted(c, c, c, c, domain, c, c, domain, c));
    }
    must(send("POST", "/api/v1/runs/" + run + "/contacts", key, contacts.append("]}").toString()), 201);
    return run;
  }

  interface Job {
    void run(String item) throws Exception;
  }

  interface Maker {
    String make(int i) throws Exception;
  }

  record Result(List<Double> millis, double seconds) {
    double p(int percentile) {
      List<Double> sorted = new ArrayList<>(millis);
      Collections.sort(sorted);
      return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    double max() {
      return Collections.max(millis);
    }

    double perSecond() {
      return millis.size() / seconds;
    }
  }

  static List<String> parallel(int threads, int count, Maker maker) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<String>> made = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int at = i;
        made.add(pool.submit(() -> maker.make(at)));
      }
      List<String> out = new ArrayList<>();
      for (Future<String> f : made) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdown();
    }
  }

  /** Each of {@code threads} workers takes its share of the items in turn and times every call. */
  static Result timed(int threads, List<String> items, Job job) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Double> millis = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    try {
      List<Callable<Void>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        workers.add(() -> {
          for (int i = first; i < items.size(); i += threads) {
            long t0 = System.nanoTime();
            job.run(items.get(i));
            millis.add((System.nanoTime() - t0) / 1e6);
          }
          return null;
        });
      }
      for (Future<Void> f : pool.invokeAll(workers)) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return new Result(millis, (System.nanoTime() - start) / 1e9);
  }

  /** One answer: what was asked and what came back. */
  record Answer(String method, String path, int status, String body) {}

  static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\ncontent-length: *(\\d+)");

  /** Each thread keeps one connection open (HTTP/1.1 keep-alive), like a Make.com HTTP module. */
  static final ThreadLocal<Socket> CONNECTION = new ThreadLocal<>();

  static Answer send(String method, String path, String key, String body) {
    try {
      try {
        return exchange(connection(), method, path, key, body);
      } catch (IOException closedWhileIdle) {
        CONNECTION.get().close(); // the server may close a connection that sat idle: ask once more on a new one
        return exchange(connection(), method, path, key, body);
      }
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + ": " + e, e);
    }
  }

  static Socket connection() throws IOException {
    Socket socket = CONNECTION.get();
    if (socket == null || socket.isClosed()) {
      URI uri = URI.create(base);
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
      socket.setSoTimeout(60_000);
      CONNECTION.set(socket);
    }
    return socket;
  }

  static Answer exchange(Socket socket, String method, String path, String key, String body) throws IOException {
    byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    byte[] head = (method + " " + path + " HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer " + key
        + "\r\nContent-Type: application/json\r\nContent-Length: " + payload.length + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    OutputStream out = socket.getOutputStream();
    out.write(head);
    out.write(payload);
    out.flush();
    InputStream in = socket.getInputStream();
    var headers = new StringBuilder();
    while (headers.length() < 4 || !headers.substring(headers.length() - 4).equals("\r\n\r\n")) {
      int b = in.read();
      if (b == -1) {
        throw new IOException("the server closed the connection");
      }
      headers.append((char) b);
    }
    Matcher length = CONTENT_LENGTH.matcher(headers);
    byte[] answer = in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
    return new Answer(method, path, Integer.parseInt(headers.substring(9, 12)), new String(answer, StandardCharsets.UTF_8));
  }

  static String must(Answer answer, int... ok) {
    for (int status : ok) {
      if (answer.status() == status) {
        return answer.body();
      }
    }
    throw new IllegalStateException(answer.method() + " " + answer.path() + " answered " + answer.status() + ": "
        + answer.body());
  }

  /**
   * CPU seconds so far of the server JVM, of PostgreSQL (the postmaster and its children, live or
   * reaped) and of this process, read from /proc; zeros when no server pid is given.
   */
  static double[] cpu(String serverPid, String pgData) throws IOException {
    if (serverPid == null) {
      return new double[3];
    }
    String postmaster = Files.readAllLines(Path.of(pgData, "postmaster.pid")).get(0).strip();
    long postgres = ticks(postmaster, true);
    try (var procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        String[] stat = stat(proc.getFileName().toString());
        if (stat != null && stat[1].equals(postmaster)) {
          postgres += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
        }
      }
    }
    return new double[] {ticks(serverPid, false) / 100.0, postgres / 100.0, ticks("self", false) / 100.0};
  }

  /** User and system ticks of a process, with its reaped children when asked. */
  static long ticks(String pid, boolean children) {
    String[] stat = stat(pid);
    if (stat == null) {
      return 0;
    }
    long own = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
    return children ? own + Long.parseLong(stat[13]) + Long.parseLong(stat[14]) : own;
  }

  /** The fields of /proc/PID/stat after the command name: state, ppid, ... (utime is [11]). */
  static String[] stat(String pid) {
    try {
      String line = Files.readString(Path.of("/proc", pid, "stat"));
      return line.substring(line.lastIndexOf(')') + 2).split(" ");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  static String match(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("no " + pattern + " in " + text);
    }
    return m.group(1);
  }

  static int count(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
