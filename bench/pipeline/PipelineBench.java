import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SCENARIOS threads each play RUNS_EACH runs of a 25-step pipeline (step i takes step i-1's clean
 * output, 20 KB) through prepare and complete; the baseline is POST /runs/{id}/steps with the same
 * 20 KB output at the same concurrency. The first run of each scenario warms the JIT and is not
 * measured.
 *
 * java PipelineBench.java http://127.0.0.1:PORT ADMIN_KEY [scenarios] [runs each]
 */
public class PipelineBench {
    static final int STEPS = 25;
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final Pattern KEY = Pattern.compile("\"key\":\"([^\"]+)\"");
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String base;

    public static void main(String[] args) throws Exception {
        base = args[0];
        String admin = args[1];
        int scenarios = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int runsEach = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        String slug = "bench-" + Long.toString(System.nanoTime(), 36);
        must(send("PUT", "/api/v1/clients/" + slug, admin, "{\"name\":\"Bench\",\"timezone\":\"UTC\"}"), 201);
        String key = match(KEY, must(send("POST", "/api/v1/api-keys", admin, "{\"client\":\"" + slug + "\"}"), 201));
        must(send("PUT", "/api/v1/prompts/bench.step", admin, "{\"template\": \"Do {{previous}}\"}"), 201);
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < STEPS; i++) {
            steps.append(i == 0 ? "" : ",").append("{\"key\":\"s").append(i).append("\",\"prompt_key\":\"bench.step\",\"model\":\"gpt-4.1\",\"inputs\":[")
                    .append(i == 0
                            ? "{\"name\":\"previous\",\"source\":\"run.run_id\"}"
                            : "{\"name\":\"previous\",\"source\":\"step.s" + (i - 1) + "\"},{\"name\":\"today\",\"source\":\"run.current_date\"}")
                    .append("]}");
        }
        must(send("PUT", "/api/v1/pipelines/bench.loop", admin, "{\"steps\":[" + steps + "]}"), 201);
        String output = output();
        List<Long> prepare = Collections.synchronizedList(new ArrayList<>());
        List<Long> complete = Collections.synchronizedList(new ArrayList<>());
        List<Long> baseline = Collections.synchronizedList(new ArrayList<>());
        var pool = Executors.newFixedThreadPool(scenarios);
        List<Future<Object>> done = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < scenarios; t++) {
            done.add(pool.submit((Callable<Object>) () -> {
                for (int r = 0; r < runsEach; r++) {
                    boolean measured = r > 0 || runsEach == 1;
                    String run = match(ID, must(send("POST", "/api/v1/runs", key, "{\"pipeline\":\"bench.loop\"}"), 201));
                    String plain = match(ID, must(send("POST", "/api/v1/runs", key, "{\"seed\":{\"company_name\":\"B\",\"domain\":\"b.com\"}}"), 201));
                    for (int i = 0; i < STEPS; i++) {
                        long a = System.nanoTime();
                        must(send("POST", "/api/v1/runs/" + run + "/steps/s" + i + "/prepare", key, ""), 201);
                        long b = System.nanoTime();
                        must(send("POST", "/api/v1/runs/" + run + "/steps/s" + i + "/complete", key, "{\"output\":" + output + "}"), 200);
                        long c = System.nanoTime();
                        must(send("POST", "/api/v1/runs/" + plain + "/steps", key,
                                "{\"step_key\":\"s" + i + "\",\"stage\":\"bench\",\"status\":\"success\",\"output\":" + output + "}"), 201);
                        long d = System.nanoTime();
                        if (measured) {
                            prepare.add(b - a);
                            complete.add(c - b);
                            baseline.add(d - c);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<Object> f : done) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%d scenarios x %d runs x %d steps, output %d bytes, inputs %d bytes a step; %.1f s%n",
                scenarios, runsEach, STEPS, output.length(), output.length() - 400, seconds);
        report("prepare  ", prepare);
        report("complete ", complete);
        report("baseline POST /runs/{id}/steps (same output)", baseline);
    }

    /** A Responses API answer whose text is a 20 KB JSON object: the next step's input. */
    static String output() {
        StringBuilder text = new StringBuilder("{\\\"notes\\\":[");
        int i = 0;
        while (text.length() < 20_000) {
            text.append(i == 0 ? "" : ",").append("\\\"finding ").append(i++).append(" about the company and its market\\\"");
        }
        text.append("]}");
        return "{\"object\":\"response\",\"model\":\"gpt-4.1\",\"created_at\":1768350000,\"completed_at\":1768350009,"
                + "\"output\":[{\"type\":\"message\",\"content\":[{\"type\":\"output_text\",\"text\":\"" + text + "\"}]}],"
                + "\"usage\":{\"input_tokens\":5000,\"output_tokens\":5000}}";
    }

    static void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        double p50 = sorted.get(sorted.size() / 2) / 1e6;
        double p99 = sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)) / 1e6;
        System.out.printf("%-46s n=%d p50 %.1f ms p99 %.1f ms%n", what, sorted.size(), p50, p99);
    }

    static HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String must(HttpResponse<String> response, int status) {
        if (response.statusCode() != status && !(status == 201 && response.statusCode() == 200)) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String match(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in " + body);
        }
        return m.group(1);
    }
}
