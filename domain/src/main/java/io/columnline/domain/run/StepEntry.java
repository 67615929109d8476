package io.columnline.domain.run;

import io.columnline.domain.Key;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.Violation;
import io.columnline.domain.error.Violations;
import io.columnline.domain.json.JsonDocument;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One LLM execution as the caller reports it. A step is identified within its run by
 * {@code step_key} and {@code attempt}; everything here is the payload that a repeated send must
 * match exactly. Field names in violations are the wire names.
 */
public record StepEntry(
        String stepKey,
        int attempt,
        String stage,
        Optional<String> section,
        Optional<String> promptKey,
        Optional<Integer> promptVersion,
        Optional<String> model,
        Optional<JsonDocument> input,
        Optional<JsonDocument> output,
        Optional<Long> tokensInput,
        Optional<Long> tokensOutput,
        Optional<BigDecimal> costUsd,
        Optional<Long> latencyMs,
        StepStatus status,
        Optional<String> error,
        String instance) {

    private static final int MAX_MODEL = 200;
    private static final int MAX_INSTANCE = 500;

    /** A step of no instance: the one execution of its key per attempt. */
    public static final String NO_INSTANCE = "";

    public StepEntry(
            String stepKey,
            int attempt,
            String stage,
            Optional<String> section,
            Optional<String> promptKey,
            Optional<Integer> promptVersion,
            Optional<String> model,
            Optional<JsonDocument> input,
            Optional<JsonDocument> output,
            Optional<Long> tokensInput,
            Optional<Long> tokensOutput,
            Optional<BigDecimal> costUsd,
            Optional<Long> latencyMs,
            StepStatus status,
            Optional<String> error) {
        this(
                stepKey,
                attempt,
                stage,
                section,
                promptKey,
                promptVersion,
                model,
                input,
                output,
                tokensInput,
                tokensOutput,
                costUsd,
                latencyMs,
                status,
                error,
                NO_INSTANCE);
    }

    private static final int MAX_ERROR = 10_000;

    public StepEntry {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(promptKey, "promptKey");
        Objects.requireNonNull(promptVersion, "promptVersion");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(tokensInput, "tokensInput");
        Objects.requireNonNull(tokensOutput, "tokensOutput");
        Objects.requireNonNull(costUsd, "costUsd");
        Objects.requireNonNull(latencyMs, "latencyMs");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(instance, "instance");
        if (instance.length() > MAX_INSTANCE) {
            throw new Invalid("instance", "must be at most " + MAX_INSTANCE + " characters");
        }
        new Violations()
                .addAll(problems(
                        stepKey,
                        attempt,
                        stage,
                        section,
                        promptKey,
                        promptVersion,
                        model,
                        tokensInput,
                        tokensOutput,
                        costUsd,
                        latencyMs,
                        error))
                .throwIfAny();
        costUsd = costUsd.map(Money::normalize);
    }

    /** This entry with the tokens and model read from its provider response filled in where they were not given. */
    public StepEntry withUsage(Optional<String> readModel, Optional<Long> readInput, Optional<Long> readOutput) {
        return new StepEntry(
                stepKey,
                attempt,
                stage,
                section,
                promptKey,
                promptVersion,
                model.or(() -> readModel.filter(m -> !m.isBlank() && m.length() <= MAX_MODEL)),
                input,
                output,
                tokensInput.or(() -> readInput.filter(t -> t >= 0)),
                tokensOutput.or(() -> readOutput.filter(t -> t >= 0)),
                costUsd,
                latencyMs,
                status,
                error,
                instance);
    }

    /** Which step of the run this is: its key and attempt. */
    public StepRef ref() {
        return new StepRef(stepKey, attempt);
    }

    /** A step key and attempt; the natural key of a step within its run. */
    public record StepRef(String stepKey, int attempt) {
        @Override
        public String toString() {
            return "'" + stepKey + "' attempt " + attempt;
        }
    }

    /**
     * The fields as sent, not yet checked; {@link #entry()} checks them all and reports every
     * problem at once.
     */
    public record Draft(
            String stepKey,
            Integer attempt,
            String stage,
            String section,
            String promptKey,
            Integer promptVersion,
            String model,
            JsonDocument input,
            JsonDocument output,
            Long tokensInput,
            Long tokensOutput,
            BigDecimal costUsd,
            Long latencyMs,
            String status,
            String error) {

        public StepEntry entry() {
            var problems = new Violations();
            StepStatus parsed = null;
            try {
                parsed = StepStatus.parse("status", status);
            } catch (Invalid e) {
                problems.addAll(e.violations());
            }
            int attemptOrFirst = attempt == null ? 1 : attempt;
            problems.addAll(StepEntry.problems(
                    stepKey,
                    attemptOrFirst,
                    stage,
                    Optional.ofNullable(section),
                    Optional.ofNullable(promptKey),
                    Optional.ofNullable(promptVersion),
                    Optional.ofNullable(model),
                    Optional.ofNullable(tokensInput),
                    Optional.ofNullable(tokensOutput),
                    Optional.ofNullable(costUsd),
                    Optional.ofNullable(latencyMs),
                    Optional.ofNullable(error)));
            problems.throwIfAny();
            return new StepEntry(
                    stepKey,
                    attemptOrFirst,
                    stage,
                    Optional.ofNullable(section),
                    Optional.ofNullable(promptKey),
                    Optional.ofNullable(promptVersion),
                    Optional.ofNullable(model),
                    Optional.ofNullable(input),
                    Optional.ofNullable(output),
                    Optional.ofNullable(tokensInput),
                    Optional.ofNullable(tokensOutput),
                    Optional.ofNullable(costUsd),
                    Optional.ofNullable(latencyMs),
                    parsed,
                    Optional.ofNullable(error));
        }
    }

    private static List<Violation> problems(
            String stepKey,
            int attempt,
            String stage,
            Optional<String> section,
            Optional<String> promptKey,
            Optional<Integer> promptVersion,
            Optional<String> model,
            Optional<Long> tokensInput,
            Optional<Long> tokensOutput,
            Optional<BigDecimal> costUsd,
            Optional<Long> latencyMs,
            Optional<String> error) {
        var problems = new Violations();
        key(problems, "step_key", stepKey);
        if (attempt < 1) {
            problems.add("attempt", "must be 1 or more, got " + attempt);
        }
        key(problems, "stage", stage);
        section.ifPresent(s -> key(problems, "section", s));
        promptKey.ifPresent(k -> key(problems, "prompt_key", k));
        promptVersion.filter(v -> v < 1).ifPresent(v -> problems.add("prompt_version", "must be 1 or more, got " + v));
        model.filter(m -> m.isBlank() || m.length() > MAX_MODEL)
                .ifPresent(m -> problems.add("model", "must be 1 to " + MAX_MODEL + " characters"));
        notNegative(problems, "tokens_input", tokensInput);
        notNegative(problems, "tokens_output", tokensOutput);
        costUsd.filter(c -> c.signum() < 0)
                .ifPresent(c -> problems.add("cost_usd", "must not be negative, got " + c.toPlainString()));
        notNegative(problems, "latency_ms", latencyMs);
        error.filter(e -> e.length() > MAX_ERROR)
                .ifPresent(e -> problems.add("error", "must be at most " + MAX_ERROR + " characters"));
        return problems.list();
    }

    private static void key(Violations problems, String field, String value) {
        try {
            Key.check(field, value);
        } catch (Invalid e) {
            problems.addAll(e.violations());
        }
    }

    private static void notNegative(Violations problems, String field, Optional<Long> value) {
        value.filter(v -> v < 0).ifPresent(v -> problems.add(field, "must not be negative, got " + v));
    }

    /** SHA-256 of the payload: equal exactly when every field is equal. */
    public String fingerprint() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        for (Field field : fields()) {
            String value = field.value();
            String head = field.name() + (value == null ? "=-\n" : "=" + value.length() + ":");
            digest.update(head.getBytes(StandardCharsets.UTF_8));
            if (value != null) {
                digest.update(value.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The wire names of the fields whose values differ from {@code other}'s. */
    public List<String> differencesFrom(StepEntry other) {
        List<Field> mine = fields();
        List<Field> theirs = other.fields();
        List<String> differing = new ArrayList<>();
        for (int i = 0; i < mine.size(); i++) {
            if (!Objects.equals(mine.get(i).value(), theirs.get(i).value())) {
                differing.add(mine.get(i).name());
            }
        }
        return differing;
    }

    private record Field(String name, String value) {}

    private List<Field> fields() {
        return List.of(
                new Field("step_key", stepKey),
                new Field("attempt", Integer.toString(attempt)),
                new Field("stage", stage),
                new Field("section", section.orElse(null)),
                new Field("prompt_key", promptKey.orElse(null)),
                new Field("prompt_version", promptVersion.map(String::valueOf).orElse(null)),
                new Field("model", model.orElse(null)),
                new Field("input", input.map(JsonDocument::text).orElse(null)),
                new Field("output", output.map(JsonDocument::text).orElse(null)),
                new Field("tokens_input", tokensInput.map(String::valueOf).orElse(null)),
                new Field("tokens_output", tokensOutput.map(String::valueOf).orElse(null)),
                new Field("cost_usd", costUsd.map(BigDecimal::toPlainString).orElse(null)),
                new Field("latency_ms", latencyMs.map(String::valueOf).orElse(null)),
                new Field("status", status.wire()),
                new Field("error", error.orElse(null)),
                new Field("instance", instance.isEmpty() ? null : instance));
    }
}
