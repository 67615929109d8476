package io.columnline.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Everything {@code columnline} reads from the environment; no config file is needed. */
public record Config(
        Optional<String> databaseUrl,
        int port,
        Path home,
        Optional<String> adminKey,
        long maxBodyBytes,
        long maxImportBytes,
        int poolSize,
        int httpWorkers,
        int publishConcurrency,
        int publishQueue,
        long webhookFirstRetryMillis,
        int webhookMaxAttempts,
        long releaseEveryMillis,
        double rateLimitPerKey,
        double rateLimitBurst,
        long maxSourceBytes,
        int chunkTokens,
        int chunkOverlapTokens,
        String tokenizer,
        int sourceWorkers,
        Optional<String> embeddingsUrl,
        Optional<String> embeddingsModel,
        Optional<String> embeddingsApiKey,
        int eventsKeepDays,
        boolean metricsOpen,
        long idempotencyLeaseMillis,
        java.time.Duration stepTimeout) {

    static final long MIB = 1024 * 1024;

    public static Config fromEnvironment(Map<String, String> env) {
        int poolSize = (int) number(env, "COLUMNLINE_DB_POOL_SIZE", defaultPoolSize(), 1, 500);
        double rate = decimal(env, "COLUMNLINE_RATE_LIMIT_PER_KEY", 0, 0, 1_000_000);
        return new Config(
                nonBlank(env.get("COLUMNLINE_DATABASE_URL")),
                (int) number(env, "COLUMNLINE_PORT", 8080, 0, 65535),
                nonBlank(env.get("COLUMNLINE_HOME"))
                        .map(Path::of)
                        .orElseGet(() -> Path.of(System.getProperty("user.home"), ".columnline")),
                nonBlank(env.get("COLUMNLINE_ADMIN_KEY")),
                number(env, "COLUMNLINE_MAX_BODY_BYTES", 5 * MIB, 1024, Long.MAX_VALUE),
                number(env, "COLUMNLINE_MAX_IMPORT_BYTES", 2048 * MIB, 1024, Long.MAX_VALUE),
                poolSize,
                (int) number(env, "COLUMNLINE_HTTP_WORKERS", defaultHttpWorkers(poolSize), 1, 1000),
                // publishes at once, as many as connections; the others wait in arrival order (16
                // publishers on 2 cores, all at once: p99 109-111 ms; in turns of 6: 88-95 ms)
                (int) number(env, "COLUMNLINE_PUBLISH_CONCURRENCY", poolSize, 1, 500),
                // publishes waiting their turn; one more is answered 503 with Retry-After at once
                (int) number(env, "COLUMNLINE_PUBLISH_QUEUE", 1000, 0, 100_000),
                number(env, "COLUMNLINE_WEBHOOK_FIRST_RETRY_MS", 1000, 1, 3_600_000),
                (int) number(env, "COLUMNLINE_WEBHOOK_MAX_ATTEMPTS", 8, 1, 100),
                number(env, "COLUMNLINE_RELEASE_EVERY_MS", 30_000, 1000, 86_400_000),
                // requests a second per key (0: no limit), in bursts of twice that unless told
                rate,
                decimal(env, "COLUMNLINE_RATE_LIMIT_BURST", Math.max(1, 2 * rate), 1, 2_000_000),
                number(env, "COLUMNLINE_MAX_SOURCE_BYTES", 50 * MIB, 1024, Integer.MAX_VALUE - 64),
                (int) number(env, "COLUMNLINE_CHUNK_TOKENS", 512, 16, 8192),
                (int) number(env, "COLUMNLINE_CHUNK_OVERLAP", 64, 0, 4095),
                nonBlank(env.get("COLUMNLINE_TOKENIZER")).orElse("cl100k_base"),
                (int) number(
                        env, "COLUMNLINE_SOURCE_WORKERS", Runtime.getRuntime().availableProcessors(), 1, 64),
                nonBlank(env.get("COLUMNLINE_EMBEDDINGS_URL")),
                nonBlank(env.get("COLUMNLINE_EMBEDDINGS_MODEL")),
                nonBlank(env.get("COLUMNLINE_EMBEDDINGS_API_KEY")),
                (int) number(env, "COLUMNLINE_EVENTS_KEEP_DAYS", 90, 1, 36_500),
                flag(env, "COLUMNLINE_METRICS_OPEN"),
                // an Idempotency-Key claim unanswered this long was left by a process that died
                number(env, "COLUMNLINE_IDEMPOTENCY_LEASE_MS", 120_000, 100, 86_400_000),
                // deep research runs for an hour and more: a prepared step is failed as timed out after this
                duration(env, "COLUMNLINE_STEP_TIMEOUT", java.time.Duration.ofHours(2)));
    }

    private static boolean flag(Map<String, String> env, String name) {
        Optional<String> raw = nonBlank(env.get(name));
        if (raw.isEmpty()) {
            return false;
        }
        return switch (raw.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(name + " must be true or false, got '" + raw.get() + "'");
        };
    }

    /** {@code 90} (seconds), {@code 90s}, {@code 30m} or {@code 2h}; from one second to 30 days. */
    private static java.time.Duration duration(Map<String, String> env, String name, java.time.Duration fallback) {
        Optional<String> raw = nonBlank(env.get(name));
        if (raw.isEmpty()) {
            return fallback;
        }
        var matcher = java.util.regex.Pattern.compile("(\\d{1,9})\\s*([smh]?)")
                .matcher(raw.get().toLowerCase());
        if (!matcher.matches()) {
            throw new ConfigException(name + " must be a duration such as 90s, 30m or 2h, got '" + raw.get() + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        java.time.Duration value = switch (matcher.group(2)) {
            case "m" -> java.time.Duration.ofMinutes(amount);
            case "h" -> java.time.Duration.ofHours(amount);
            default -> java.time.Duration.ofSeconds(amount);
        };
        if (value.compareTo(java.time.Duration.ofSeconds(1)) < 0
                || value.compareTo(java.time.Duration.ofDays(30)) > 0) {
            throw new ConfigException(name + " must be between 1s and 30 days, got '" + raw.get() + "'");
        }
        return value;
    }

    /**
     * Database connections: twice the cores and two more. More transactions at once than that only
     * wait for each other inside PostgreSQL; queued for a connection they are served in order
     * (16 publishers on 2 cores: p99 82-126 ms with 6, 156-337 ms with 24).
     */
    static int defaultPoolSize() {
        return 2 * Runtime.getRuntime().availableProcessors() + 2;
    }

    /**
     * HTTP worker threads: eight per core, at least as many as connections. Requests wait for a
     * connection, not for a thread, so steps logged at once by many scenarios still commit together
     * (one group commit takes one connection).
     */
    static int defaultHttpWorkers(int poolSize) {
        return Math.max(poolSize, 8 * Runtime.getRuntime().availableProcessors());
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static long number(Map<String, String> env, String name, long fallback, long min, long max) {
        Optional<String> raw = nonBlank(env.get(name));
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw.get());
            if (value < min || value > max) {
                throw new ConfigException(name + " must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, got '" + raw.get() + "'");
        }
    }

    private static double decimal(Map<String, String> env, String name, double fallback, double min, double max) {
        Optional<String> raw = nonBlank(env.get(name));
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(raw.get());
            if (!(value >= min && value <= max)) {
                throw new ConfigException(name + " must be between " + min + " and " + max + ", got " + raw.get());
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a number, got '" + raw.get() + "'");
        }
    }

    /** A setting is wrong; the message names it and says what is expected. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message, null, false, false);
        }
    }
}
