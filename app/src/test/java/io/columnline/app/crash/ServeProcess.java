package io.columnline.app.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code columnline serve} as a real process of its own (the test JVM's java and class path), so a
 * test can SIGKILL it as an operating system, an OOM killer or a supervisor would. Its output is
 * kept for the failure message.
 */
final class ServeProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("Columnline ready at http://localhost:(\\d+)");

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final int port;

    private ServeProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts serve with {@code env} added to this process's environment and waits until it is ready. */
    static ServeProcess start(Map<String, String> env) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "io.columnline.app.Main",
                "serve"));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        var ready = new CompletableFuture<Integer>();
        var serve = new ServeProcess(process, 0);
        Thread.ofPlatform().daemon().name("serve-output").start(() -> {
            try (var lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    serve.output.append(line).append('\n');
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        ready.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // the process was killed
            }
            ready.completeExceptionally(
                    new IllegalStateException("serve exited before it was ready:\n" + serve.output));
        });
        try {
            int port = ready.get(120, TimeUnit.SECONDS);
            var started = new ServeProcess(process, port);
            started.output.append(serve.output);
            return started;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("serve did not get ready:\n" + serve.output, e);
        }
    }

    int port() {
        return port;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * SIGKILL to the server and to its embedded PostgreSQL with every backend, as a supervisor that
     * kills the whole service (systemd's control group) or a power cut would: nothing is flushed
     * or stopped cleanly, only what PostgreSQL had fsynced at commit is left.
     */
    void killWithDatabase(Path pgdata) throws IOException, InterruptedException {
        Optional<ProcessHandle> postmaster = postmaster(pgdata);
        List<ProcessHandle> backends =
                postmaster.map(p -> p.descendants().toList()).orElse(List.of());
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        postmaster.ifPresent(ProcessHandle::destroyForcibly);
        backends.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : postmaster.map(List::of).orElse(List.of())) {
            p.onExit().join();
        }
        for (ProcessHandle b : backends) {
            b.onExit().join();
        }
    }

    /** The postmaster of a data directory, by the pid its lock file names. */
    static Optional<ProcessHandle> postmaster(Path pgdata) throws IOException {
        Path lock = pgdata.resolve("postmaster.pid");
        if (!Files.exists(lock)) {
            return Optional.empty();
        }
        String first = Files.readAllLines(lock, StandardCharsets.UTF_8).get(0).strip();
        return ProcessHandle.of(Long.parseLong(first));
    }

    String output() {
        return output.toString();
    }

    /** A clean stop (SIGTERM: the shutdown hook stops HTTP, the jobs and the embedded PostgreSQL). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
