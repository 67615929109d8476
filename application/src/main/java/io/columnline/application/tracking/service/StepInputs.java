package io.columnline.application.tracking.service;

import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientConfigs;
import io.columnline.domain.client.ClientProfile;
import io.columnline.domain.json.JsonValue;
import io.columnline.domain.json.JsonValue.Arr;
import io.columnline.domain.json.JsonValue.Obj;
import io.columnline.domain.json.JsonValue.Str;
import io.columnline.domain.pipeline.PipelineDefinition;
import io.columnline.domain.pipeline.PipelineDefinition.Input;
import io.columnline.domain.pipeline.PipelineDefinition.Source;
import io.columnline.domain.run.ProviderResponse;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.Step;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Assembles a step's input from the sources its definition names: the run's seed, the client's
 * profile, run values, the clean outputs of earlier steps and literals, each optionally narrowed by
 * a JSON pointer. A value that is missing (or JSON null) is left out; a missing required one is
 * named in {@link Assembled#missing}.
 */
final class StepInputs {
    private StepInputs() {}

    record Assembled(Map<String, JsonValue> values, List<String> missing) {
        Obj object() {
            return new Obj(values);
        }
    }

    /** {@code outputs} are the latest successful attempts per step key and instance of the steps read. */
    static Assembled assemble(
            PipelineDefinition.Step step, String instance, Run run, Client client, List<Step> outputs, Instant now) {
        Map<String, JsonValue> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        Map<String, JsonValue> cleaned = new HashMap<>();
        for (Input input : step.inputs()) {
            Optional<JsonValue> value = source(input.source(), instance, run, client, outputs, cleaned, now)
                    .flatMap(v -> v.at(input.pointer().orElse("")))
                    .filter(v -> v != JsonValue.Null.NULL);
            if (value.isPresent()) {
                values.put(input.name(), value.get());
            } else if (input.required()) {
                missing.add(input.name() + " (" + describe(input) + ")");
            }
        }
        return new Assembled(values, missing);
    }

    /**
     * Whether every required input of the step could be present now: its steps have succeeded and
     * its seed, client and run values exist (pointers into them are not followed).
     */
    static boolean ready(PipelineDefinition.Step step, Run run, Client client, Set<String> succeeded, Instant now) {
        for (Input input : step.inputs()) {
            if (!input.required()) {
                continue;
            }
            boolean present = switch (input.source()) {
                case Source.StepOutput s -> succeeded.contains(s.step());
                default ->
                    source(input.source(), "", run, client, List.of(), new HashMap<>(), now)
                            .isPresent();
            };
            if (!present) {
                return false;
            }
        }
        return true;
    }

    private static Optional<JsonValue> source(
            Source source,
            String instance,
            Run run,
            Client client,
            List<Step> outputs,
            Map<String, JsonValue> cleaned,
            Instant now) {
        return switch (source) {
            case Source.Seed seed -> {
                if (run.seed().document().text().equals("{}")) {
                    yield Optional.empty();
                }
                JsonValue whole = JsonValue.of(run.seed().document());
                yield seed.field().isEmpty()
                        ? Optional.of(whole)
                        : whole instanceof Obj o ? o.get(seed.field().get()) : Optional.empty();
            }
            case Source.ClientField field -> profile(client, field.field());
            case Source.Knowledge document -> profile(client, document.document());
            case Source.RunValue value ->
                switch (value.name()) {
                    case "current_date" ->
                        Optional.of(new Str(
                                LocalDate.ofInstant(now, client.timezone()).toString()));
                    case "run_id" ->
                        Optional.of(new Str(run.externalId().orElse(run.id().toString())));
                    case "dossier_id" -> Optional.of(dossierId(run));
                    default -> Optional.empty();
                };
            case Source.StepOutput output -> output(output, instance, outputs, cleaned);
            case Source.Literal literal -> Optional.of(JsonValue.of(literal.value()));
        };
    }

    /** The dossier id a scenario carries ({@code input_data.dossier_id}), else the run's id: one run, one dossier. */
    private static JsonValue dossierId(Run run) {
        return new Str(run.carriedDossierId().orElse(run.id().toString()));
    }

    /**
     * The client's profile, until knowledge documents land: {@code icp_config} (its JSON), {@code
     * industry_research}, {@code research_context}, {@code name}, {@code slug}, one of the client's
     * configs ({@code icp_config_compressed}, ...), else a field of the icp_config object.
     */
    private static Optional<JsonValue> profile(Client client, String field) {
        if (ClientConfigs.NAMES.contains(field)) {
            Optional<JsonValue> config = client.configs().get(field).map(JsonValue::of);
            if (config.isPresent()) {
                return config;
            }
        }
        return switch (field) {
            case "icp_config" -> Optional.of(JsonValue.of(client.profile().icpConfig()));
            case "industry_research" -> profileText(client.profile().industryResearch());
            case "research_context" -> profileText(client.profile().researchContext());
            case "name" -> Optional.of(new Str(client.name()));
            case "slug" -> Optional.of(new Str(client.slug().value()));
            default -> JsonValue.of(client.profile().icpConfig()) instanceof Obj o ? o.get(field) : Optional.empty();
        };
    }

    /** A profile text, or the JSON object it was sent as. */
    private static Optional<JsonValue> profileText(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(ClientProfile.textOrJson(text));
    }

    private static Optional<JsonValue> text(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(new Str(text));
    }

    /**
     * One step's clean output: of the same instance when it has one, else of no instance, else the
     * latest of any; all instances: an array of each instance's, in the order they were logged.
     */
    private static Optional<JsonValue> output(
            Source.StepOutput source, String instance, List<Step> outputs, Map<String, JsonValue> cleaned) {
        List<Step> ofStep = outputs.stream()
                .filter(s -> s.entry().stepKey().equals(source.step()))
                .filter(s -> s.entry().output().isPresent())
                .sorted(Comparator.comparing(Step::loggedAt)
                        .thenComparingInt(s -> s.entry().attempt()))
                .toList();
        if (ofStep.isEmpty()) {
            return Optional.empty();
        }
        if (source.allInstances()) {
            return Optional.of(
                    new Arr(ofStep.stream().map(s -> clean(s, cleaned)).toList()));
        }
        Optional<Step> chosen = ofStep.stream()
                .filter(s -> s.entry().instance().equals(instance))
                .reduce((a, b) -> b)
                .or(() -> ofStep.stream()
                        .filter(s -> s.entry().instance().isEmpty())
                        .reduce((a, b) -> b))
                .or(() -> Optional.of(ofStep.get(ofStep.size() - 1)));
        return chosen.map(s -> clean(s, cleaned));
    }

    private static JsonValue clean(Step step, Map<String, JsonValue> cleaned) {
        String id = step.entry().stepKey() + "\n" + step.entry().attempt();
        return cleaned.computeIfAbsent(
                id,
                k -> ProviderResponse.clean(JsonValue.of(step.entry().output().orElseThrow())));
    }

    private static String describe(Input input) {
        String source = switch (input.source()) {
            case Source.Seed s -> s.field().map(f -> "seed." + f).orElse("seed");
            case Source.ClientField f -> "client." + f.field();
            case Source.Knowledge d -> "knowledge." + d.document();
            case Source.RunValue v -> "run." + v.name();
            case Source.StepOutput o ->
                (o.allInstances() ? "steps." : "step.") + o.step() + ": no successful attempt yet";
            case Source.Literal l -> "literal";
        };
        return input.pointer().map(p -> source + " at " + p).orElse(source);
    }
}
