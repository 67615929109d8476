package io.columnline.application.tracking.port.in;

import io.columnline.domain.access.Caller;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.Step;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The loop a scenario drives over a run that follows a pipeline definition: the server prepares a
 * step (prompt, model and input assembled from the definition's sources, a {@code running} attempt
 * recorded), the caller runs the LLM, and hands the output, often the whole provider response, back
 * to complete it (usage read and priced, the definition's effects applied, the steps now ready
 * named). Step keys are folded to lower case on the way in.
 */
public interface StepLoopUseCase {
    /**
     * 404 for a step the run's pipeline does not define (or a run without a pipeline), 409 naming
     * every required input that is missing.
     */
    Prepared prepare(Caller caller, RunId run, Preparation preparation);

    /**
     * Completes the newest running attempt of the step and instance; a step that was never prepared
     * (or whose attempt timed out) is stored as a new attempt, and the answer says so in {@code
     * warnings}. The same output again for a step whose newest attempt is finished (a caller's retry
     * after a lost answer) answers that attempt, storing nothing. A provider response that cannot be
     * read is stored with cost {@code none} and a warning. A step the run's pipeline does not define,
     * or of a run that follows none, is stored without effects, with a warning: logged, not lost.
     */
    Completed complete(Caller caller, RunId run, Completion completion);

    /** Completes one step and prepares the next ones in one call (and one transaction). */
    Transitioned transition(Caller caller, RunId run, Completion completion, List<Preparation> next);

    /** Prepares several steps in one transaction: all are recorded {@code running}, or none is. */
    List<Prepared> prepareAll(Caller caller, RunId run, List<Preparation> preparations);

    /** Completes several steps in one transaction, in order: all are stored, or none is. */
    List<Completed> completeAll(Caller caller, RunId run, List<Completion> completions);

    /**
     * A step the caller runs and logs itself, with the input it built (the origin's {@code
     * pipeline_logs}): recorded as a {@code running} attempt of any step key, in a run that follows a
     * pipeline or not. The same step key and instance while it is still running answers that
     * attempt. Completing it applies the pipeline's effects when the pipeline defines the step.
     */
    Step begin(Caller caller, RunId run, Beginning beginning);

    /** {@code input} is what the caller sent its LLM, kept with the running attempt. */
    record Beginning(String stepKey, Optional<String> instance, Optional<JsonDocument> input, Optional<String> model) {
        public Beginning {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(model, "model");
        }
    }

    /** {@code instance} tells apart executions of one step key, e.g. one per contact (its email). */
    record Preparation(String stepKey, Optional<String> instance) {
        public Preparation {
            Objects.requireNonNull(instance, "instance");
        }
    }

    /**
     * What the caller sends to complete a step; empty parts are read from the output or computed.
     * {@code attempt} names the running attempt to finish, when parallel attempts of one step key and
     * instance are running (the origin tells them apart by step id); empty means the newest.
     */
    record Completion(
            String stepKey,
            Optional<String> instance,
            JsonDocument output,
            Optional<String> status,
            Optional<String> error,
            Optional<Long> latencyMs,
            Optional<Long> tokensInput,
            Optional<Long> tokensOutput,
            Optional<BigDecimal> costUsd,
            Optional<Integer> attempt) {
        public Completion {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(attempt, "attempt");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(latencyMs, "latencyMs");
            Objects.requireNonNull(tokensInput, "tokensInput");
            Objects.requireNonNull(tokensOutput, "tokensOutput");
            Objects.requireNonNull(costUsd, "costUsd");
        }

        public Completion(
                String stepKey,
                Optional<String> instance,
                JsonDocument output,
                Optional<String> status,
                Optional<String> error,
                Optional<Long> latencyMs,
                Optional<Long> tokensInput,
                Optional<Long> tokensOutput,
                Optional<BigDecimal> costUsd) {
            this(
                    stepKey,
                    instance,
                    output,
                    status,
                    error,
                    latencyMs,
                    tokensInput,
                    tokensOutput,
                    costUsd,
                    Optional.empty());
        }
    }

    /** The prompt a step runs: its version's template with every {@code {{name}}} filled from the input. */
    record PreparedPrompt(String key, Optional<Integer> version, String template) {}

    /**
     * {@code modelParams} is the definition's object ({@code {}} when it has none); {@code step} is
     * the {@code running} attempt recorded.
     */
    record Prepared(
            String stepKey,
            String instance,
            int attempt,
            PreparedPrompt prompt,
            Optional<String> model,
            JsonDocument modelParams,
            JsonDocument input,
            Optional<Integer> stage,
            Step step) {}

    /**
     * {@code clean} is the step's clean content (what later steps receive as input); {@code items}
     * the array an {@code items} effect (or a {@code contacts} effect) points at; {@code contacts}
     * the people a {@code contacts} effect made the run's contacts, as objects; {@code ready} the
     * steps of the pipeline whose required inputs are now all present and that have not succeeded.
     */
    record Completed(
            Step step,
            Optional<JsonDocument> clean,
            Optional<JsonDocument> items,
            List<JsonDocument> contacts,
            List<String> ready,
            List<String> warnings,
            boolean wasPrepared) {
        public Completed {
            contacts = List.copyOf(contacts);
            ready = List.copyOf(ready);
            warnings = List.copyOf(warnings);
        }
    }

    record Transitioned(Completed completed, List<Prepared> prepared) {
        public Transitioned {
            prepared = List.copyOf(prepared);
        }
    }
}
