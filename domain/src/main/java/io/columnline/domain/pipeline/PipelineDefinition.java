package io.columnline.domain.pipeline;

import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.Violations;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.prompt.PromptKey;
import io.columnline.domain.prompt.PromptLabel;
import io.columnline.domain.section.SectionKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a pipeline is: its stages by number and name, and its steps, each with the prompt it runs,
 * the named inputs it takes from sources and the effects its completed output has. Built only by
 * {@link #check}, which refuses a definition with every problem named by its path ({@code
 * steps[2].inputs[0].source}): an unknown source, a bad JSON pointer, a cycle between steps.
 */
public record PipelineDefinition(List<Stage> stages, List<Step> steps) {
    public PipelineDefinition {
        stages = List.copyOf(stages);
        steps = List.copyOf(steps);
    }

    public record Stage(int number, String name) {}

    /** The step with this key (folded to lower case), if the pipeline defines it. */
    public Optional<Step> step(String key) {
        String folded = key == null ? "" : key.toLowerCase(java.util.Locale.ROOT);
        return steps.stream().filter(s -> s.key().equals(folded)).findFirst();
    }

    /** The name of stage {@code number}, if the pipeline defines it. */
    public Optional<String> stageName(int number) {
        return stages.stream()
                .filter(s -> s.number() == number)
                .map(Stage::name)
                .findFirst();
    }

    public record Step(
            String key,
            Optional<Integer> stage,
            PromptKey promptKey,
            Optional<PromptLabel> promptLabel,
            Optional<String> model,
            JsonDocument modelParams,
            List<Input> inputs,
            List<Effect> effects) {
        /** The steps whose output this step's inputs read, in input order, each once. */
        public List<String> dependsOn() {
            return inputs.stream()
                    .map(Input::source)
                    .filter(s -> s instanceof Source.StepOutput)
                    .map(s -> ((Source.StepOutput) s).step())
                    .distinct()
                    .toList();
        }
    }

    /** A named value of a step's input; a missing optional one is left out of the input. */
    public record Input(String name, Source source, Optional<String> pointer, boolean required) {}

    /** Where an input's value comes from. */
    public sealed interface Source {
        /** The run's seed, or one field of it. */
        record Seed(Optional<String> field) implements Source {}

        /** A field of the client's profile. */
        record ClientField(String field) implements Source {}

        /** One of the client's knowledge documents. */
        record Knowledge(String document) implements Source {}

        /** {@code current_date}, {@code run_id} or {@code dossier_id}. */
        record RunValue(String name) implements Source {}

        /** The clean output of the latest successful attempt of a step, or of all its instances. */
        record StepOutput(String step, boolean allInstances) implements Source {}

        record Literal(JsonDocument value) implements Source {}
    }

    /** What a completed output does. */
    public sealed interface Effect {
        /** The output, or the value at the pointer, writes that dossier section. */
        record Section(SectionKey section, Optional<String> pointer) implements Effect {}

        /** People at the pointer become the run's contacts; {@code peopleOnly} is the origin's filter. */
        record Contacts(String pointer, boolean peopleOnly) implements Effect {}

        /** The output names the run's company (discovery runs). */
        record Seed(String companyName, Optional<String> domain) implements Effect {}

        /** The array at the pointer is answered for the caller to iterate. */
        record Items(String pointer) implements Effect {}
    }

    public static final int MAX_STEPS = 1000;

    static final Set<String> RUN_VALUES = Set.of("current_date", "run_id", "dossier_id");

    /** Raw input, as a client sent it; every field may be missing (null). */
    public record Draft(List<StageDraft> stages, List<StepDraft> steps) {}

    public record StageDraft(Integer number, String name) {}

    public record StepDraft(
            String key,
            Integer stage,
            String promptKey,
            String promptLabel,
            String model,
            JsonDocument modelParams,
            List<InputDraft> inputs,
            List<EffectDraft> effects) {
        public StepDraft(
                String key,
                Integer stage,
                String promptKey,
                String promptLabel,
                String model,
                List<InputDraft> inputs,
                List<EffectDraft> effects) {
            this(key, stage, promptKey, promptLabel, model, null, inputs, effects);
        }
    }

    /** {@code source} is one of {@code seed}, {@code seed.F}, {@code client.F}, {@code knowledge.D},
     * {@code run.current_date|run_id|dossier_id}, {@code step.K}, {@code steps.K} (all instances of K)
     * or {@code literal} (with {@code value}). */
    public record InputDraft(String name, String source, String pointer, Boolean required, JsonDocument value) {}

    /** Exactly one of {@code section}, {@code contacts}, {@code seed} or {@code items} is given. */
    public record EffectDraft(
            String section,
            String pointer,
            String contacts,
            Boolean peopleOnly,
            String seedCompanyName,
            String seedDomain,
            boolean seed,
            String items) {}

    public static PipelineDefinition check(Draft draft) {
        var problems = new Violations();
        List<Stage> stages = new ArrayList<>();
        Set<Integer> numbers = new HashSet<>();
        List<StageDraft> stageDrafts = draft.stages() == null ? List.of() : draft.stages();
        for (int i = 0; i < stageDrafts.size(); i++) {
            String at = "stages[" + i + "]";
            StageDraft s = stageDrafts.get(i);
            if (s == null) {
                problems.add(at, "must be an object with number and name");
                continue;
            }
            if (s.number() == null || s.number() < 1) {
                problems.add(at + ".number", "is required: a whole number of 1 or more");
            } else if (!numbers.add(s.number())) {
                problems.add(at + ".number", "stage " + s.number() + " appears more than once");
            }
            if (s.name() == null || s.name().isBlank()) {
                problems.add(at + ".name", "is required");
            }
            if (s.number() != null && s.name() != null) {
                stages.add(new Stage(s.number(), s.name()));
            }
        }
        List<StepDraft> stepDrafts = draft.steps() == null ? List.of() : draft.steps();
        if (stepDrafts.isEmpty()) {
            problems.add("steps", "is required: a pipeline has at least one step");
        }
        if (stepDrafts.size() > MAX_STEPS) {
            // the cycle check walks the steps depth first: bounded, so no definition can exhaust the stack
            problems.add("steps", "a pipeline has at most " + MAX_STEPS + " steps, got " + stepDrafts.size());
            problems.throwIfAny();
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < stepDrafts.size(); i++) {
            StepDraft s = stepDrafts.get(i);
            if (s == null || s.key() == null) {
                continue;
            }
            String key = s.key().toLowerCase(java.util.Locale.ROOT);
            if (index.putIfAbsent(key, i) != null) {
                problems.add("steps[" + i + "].key", "step '" + key + "' appears more than once");
            }
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < stepDrafts.size(); i++) {
            Step step = step("steps[" + i + "]", stepDrafts.get(i), numbers, index, problems);
            if (step != null) {
                steps.add(step);
            }
        }
        if (problems.isEmpty()) {
            findCycle(steps, index, problems);
        }
        problems.throwIfAny();
        return new PipelineDefinition(stages, steps);
    }

    private static Step step(
            String at, StepDraft s, Set<Integer> stages, Map<String, Integer> index, Violations problems) {
        if (s == null) {
            problems.add(at, "must be an object");
            return null;
        }
        int before = problems.list().size();
        String key = null;
        if (s.key() == null) {
            problems.add(at + ".key", "is required");
        } else {
            key = s.key().toLowerCase(java.util.Locale.ROOT);
            collect(
                    problems,
                    at + ".key",
                    () -> io.columnline.domain.Key.check("key", s.key().toLowerCase(java.util.Locale.ROOT)));
        }
        if (s.stage() != null && !stages.isEmpty() && !stages.contains(s.stage())) {
            problems.add(at + ".stage", "names stage " + s.stage() + ", which the pipeline's stages do not define");
        }
        PromptKey prompt = collect(problems, at + ".prompt_key", () -> new PromptKey(s.promptKey()));
        Optional<PromptLabel> label = s.promptLabel() == null
                ? Optional.empty()
                : Optional.ofNullable(collect(problems, at + ".prompt_label", () -> new PromptLabel(s.promptLabel())));
        List<Input> inputs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<InputDraft> inputDrafts = s.inputs() == null ? List.of() : s.inputs();
        for (int j = 0; j < inputDrafts.size(); j++) {
            String inAt = at + ".inputs[" + j + "]";
            InputDraft in = inputDrafts.get(j);
            if (in == null) {
                problems.add(inAt, "must be an object with name and source");
                continue;
            }
            if (in.name() == null || in.name().isBlank()) {
                problems.add(inAt + ".name", "is required");
            } else if (!names.add(in.name())) {
                problems.add(inAt + ".name", "input '" + in.name() + "' appears more than once");
            }
            Source source = source(inAt, in, key, index, problems);
            pointer(inAt + ".pointer", in.pointer(), problems);
            if (source != null && in.name() != null) {
                inputs.add(new Input(
                        in.name(), source, Optional.ofNullable(in.pointer()), in.required() == null || in.required()));
            }
        }
        List<Effect> effects = new ArrayList<>();
        List<EffectDraft> effectDrafts = s.effects() == null ? List.of() : s.effects();
        for (int j = 0; j < effectDrafts.size(); j++) {
            Effect effect = effect(at + ".effects[" + j + "]", effectDrafts.get(j), problems);
            if (effect != null) {
                effects.add(effect);
            }
        }
        if (problems.list().size() > before) {
            return null;
        }
        return new Step(
                key,
                Optional.ofNullable(s.stage()),
                prompt,
                label,
                Optional.ofNullable(s.model()).filter(m -> !m.isBlank()),
                s.modelParams() == null ? JsonDocument.EMPTY_OBJECT : s.modelParams(),
                inputs,
                effects);
    }

    private static Source source(
            String at, InputDraft in, String self, Map<String, Integer> index, Violations problems) {
        String source = in.source();
        if (source == null || source.isBlank()) {
            problems.add(at + ".source", "is required");
            return null;
        }
        if (!source.equals("literal") && in.value() != null) {
            problems.add(at + ".value", "is only taken with source 'literal'");
        }
        int dot = source.indexOf('.');
        String kind = dot < 0 ? source : source.substring(0, dot);
        String rest = dot < 0 ? null : source.substring(dot + 1);
        if (rest != null && rest.isEmpty()) {
            rest = null;
        }
        switch (kind) {
            case "seed":
                return new Source.Seed(Optional.ofNullable(rest));
            case "client":
                if (rest != null) {
                    return new Source.ClientField(rest);
                }
                break;
            case "knowledge":
                if (rest != null) {
                    return new Source.Knowledge(rest);
                }
                break;
            case "run":
                if (rest != null && RUN_VALUES.contains(rest)) {
                    return new Source.RunValue(rest);
                }
                break;
            case "step", "steps":
                if (rest != null) {
                    String step = rest.toLowerCase(java.util.Locale.ROOT);
                    if (!index.containsKey(step)) {
                        problems.add(at + ".source", "names step '" + rest + "', which this pipeline does not define");
                        return null;
                    }
                    if (step.equals(self)) {
                        problems.add(at + ".source", "a step cannot take its own output as input");
                        return null;
                    }
                    return new Source.StepOutput(step, kind.equals("steps"));
                }
                break;
            case "literal":
                if (rest == null) {
                    if (in.value() == null) {
                        problems.add(at + ".value", "is required with source 'literal'");
                        return null;
                    }
                    return new Source.Literal(in.value());
                }
                break;
            default:
                break;
        }
        problems.add(
                at + ".source",
                "'" + source + "' is not a source; expected seed, seed.FIELD, client.FIELD, knowledge.DOCUMENT,"
                        + " run.current_date, run.run_id, run.dossier_id, step.KEY, steps.KEY or literal");
        return null;
    }

    private static Effect effect(String at, EffectDraft e, Violations problems) {
        if (e == null) {
            problems.add(at, "must be an object");
            return null;
        }
        int kinds = (e.section() != null ? 1 : 0)
                + (e.contacts() != null ? 1 : 0)
                + (e.seed() ? 1 : 0)
                + (e.items() != null ? 1 : 0);
        if (kinds != 1) {
            problems.add(at, "must name exactly one of section, contacts, seed or items");
            return null;
        }
        int before = problems.list().size();
        if (e.pointer() != null && e.section() == null) {
            problems.add(at + ".pointer", "is only taken with section");
        }
        if (e.peopleOnly() != null && e.contacts() == null) {
            problems.add(at + ".people_only", "is only taken with contacts");
        }
        Effect effect = null;
        if (e.section() != null) {
            SectionKey key = collect(problems, at + ".section", () -> new SectionKey(e.section()));
            pointer(at + ".pointer", e.pointer(), problems);
            effect = new Effect.Section(key, Optional.ofNullable(e.pointer()));
        } else if (e.contacts() != null) {
            pointer(at + ".contacts", e.contacts(), problems);
            effect = new Effect.Contacts(e.contacts(), e.peopleOnly() == null || e.peopleOnly());
        } else if (e.seed()) {
            if (e.seedCompanyName() == null) {
                problems.add(at + ".seed.company_name", "is required: the pointer to the company's name");
            }
            pointer(at + ".seed.company_name", e.seedCompanyName(), problems);
            pointer(at + ".seed.domain", e.seedDomain(), problems);
            effect = new Effect.Seed(e.seedCompanyName(), Optional.ofNullable(e.seedDomain()));
        } else {
            pointer(at + ".items", e.items(), problems);
            effect = new Effect.Items(e.items());
        }
        return problems.list().size() > before ? null : effect;
    }

    /** RFC 6901: empty (the whole value), or {@code /}-separated tokens where {@code ~} is {@code ~0} or {@code ~1}. */
    static void pointer(String at, String pointer, Violations problems) {
        if (pointer == null || pointer.isEmpty()) {
            return;
        }
        if (pointer.charAt(0) != '/') {
            problems.add(at, "'" + pointer + "' is not a JSON pointer: it must start with '/'");
            return;
        }
        for (int i = 0; i < pointer.length(); i++) {
            if (pointer.charAt(i) == '~'
                    && (i + 1 >= pointer.length() || (pointer.charAt(i + 1) != '0' && pointer.charAt(i + 1) != '1'))) {
                problems.add(at, "'" + pointer + "' is not a JSON pointer: '~' must be followed by 0 or 1");
                return;
            }
        }
    }

    private static void findCycle(List<Step> steps, Map<String, Integer> index, Violations problems) {
        Map<String, Step> byKey = new HashMap<>();
        steps.forEach(s -> byKey.put(s.key(), s));
        Map<String, Integer> state = new HashMap<>(); // 1 visiting, 2 done
        for (Step step : steps) {
            List<String> path = new ArrayList<>();
            String cycle = visit(step.key(), byKey, state, path);
            if (cycle != null) {
                int at = index.get(cycle);
                List<String> loop = path.subList(path.indexOf(cycle), path.size());
                problems.add(
                        "steps[" + at + "].inputs",
                        "make a cycle between steps: " + String.join(" -> ", loop) + " -> " + cycle);
                return;
            }
        }
    }

    /** The step a cycle returns to, or null. */
    private static String visit(String key, Map<String, Step> byKey, Map<String, Integer> state, List<String> path) {
        Integer seen = state.get(key);
        if (seen != null) {
            return seen == 1 ? key : null;
        }
        state.put(key, 1);
        path.add(key);
        for (String next : byKey.get(key).dependsOn()) {
            String cycle = visit(next, byKey, state, path);
            if (cycle != null) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        state.put(key, 2);
        return null;
    }

    private static <T> T collect(Violations problems, String field, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (Invalid e) {
            e.violations().forEach(v -> problems.add(field, v.message()));
            return null;
        }
    }
}
