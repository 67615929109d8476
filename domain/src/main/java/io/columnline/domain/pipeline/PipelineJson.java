package io.columnline.domain.pipeline;

import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.Violations;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.json.JsonValue;
import io.columnline.domain.json.JsonValue.Arr;
import io.columnline.domain.json.JsonValue.Obj;
import io.columnline.domain.json.JsonValue.Str;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one mapping between a definition's JSON (what {@code PUT /api/v1/pipelines/{key}} takes,
 * what {@code columnline pipelines push} reads and what is stored) and {@link
 * PipelineDefinition.Draft}. Only shapes are checked here, every problem named by its path; the
 * rules of a definition are {@link PipelineDefinition#check}'s.
 */
public final class PipelineJson {
    private static final Set<String> TOP = Set.of("description", "stages", "steps");
    private static final Set<String> STAGE = Set.of("number", "name");
    private static final Set<String> STEP = Set.of(
            "key", "stage", "prompt_key", "prompt_label", "model", "model_params", "inputs", "effects", "description");
    private static final Set<String> INPUT = Set.of("name", "source", "pointer", "required", "value");
    private static final Set<String> EFFECT = Set.of("section", "pointer", "contacts", "people_only", "seed", "items");
    private static final Set<String> SEED = Set.of("company_name", "domain");

    private PipelineJson() {}

    /** Reads a stored (or sent) definition; {@code labels}, when sent, must have been taken out. */
    public static PipelineDefinition.Draft draft(JsonDocument document) {
        JsonValue tree;
        try {
            tree = JsonValue.of(document);
        } catch (IllegalArgumentException e) {
            throw new Invalid("definition", e.getMessage());
        }
        var problems = new Violations();
        PipelineDefinition.Draft draft = draft(tree, problems);
        problems.throwIfAny();
        return draft;
    }

    /** Reads and checks a definition in one go: what prepare reads a run's pipeline with. */
    public static PipelineDefinition definition(JsonDocument document) {
        return PipelineDefinition.check(draft(document));
    }

    private static PipelineDefinition.Draft draft(JsonValue tree, Violations problems) {
        if (!(tree instanceof Obj top)) {
            problems.add("definition", "must be a JSON object with stages and steps");
            return new PipelineDefinition.Draft(null, null);
        }
        unknown("", top, TOP, problems);
        List<PipelineDefinition.StageDraft> stages = null;
        Arr stageArray = array("stages", top, problems);
        if (stageArray != null) {
            stages = new ArrayList<>();
            for (int i = 0; i < stageArray.items().size(); i++) {
                String at = "stages[" + i + "]";
                if (!(stageArray.items().get(i) instanceof Obj s)) {
                    stages.add(null);
                    continue;
                }
                unknown(at + ".", s, STAGE, problems);
                stages.add(new PipelineDefinition.StageDraft(
                        whole(at + ".number", s, "number", problems), text(at + ".name", s, "name", problems)));
            }
        }
        text("description", top, "description", problems);
        Arr stepArray = array("steps", top, problems);
        if (stepArray == null) {
            return new PipelineDefinition.Draft(stages, null);
        }
        List<PipelineDefinition.StepDraft> steps = new ArrayList<>();
        for (int i = 0; i < stepArray.items().size(); i++) {
            String at = "steps[" + i + "]";
            if (!(stepArray.items().get(i) instanceof Obj s)) {
                steps.add(null);
                continue;
            }
            unknown(at + ".", s, STEP, problems);
            text(at + ".description", s, "description", problems);
            JsonDocument params = null;
            JsonValue p = s.fields().get("model_params");
            if (p != null && p != JsonValue.Null.NULL) {
                if (p instanceof Obj) {
                    params = p.document();
                } else {
                    problems.add(at + ".model_params", "must be a JSON object such as {\"temperature\": 0.2}");
                }
            }
            steps.add(new PipelineDefinition.StepDraft(
                    text(at + ".key", s, "key", problems),
                    whole(at + ".stage", s, "stage", problems),
                    text(at + ".prompt_key", s, "prompt_key", problems),
                    text(at + ".prompt_label", s, "prompt_label", problems),
                    text(at + ".model", s, "model", problems),
                    params,
                    inputs(at, s, problems),
                    effects(at, s, problems)));
        }
        return new PipelineDefinition.Draft(stages, steps);
    }

    private static List<PipelineDefinition.InputDraft> inputs(String at, Obj step, Violations problems) {
        Arr array = array(at + ".inputs", step, "inputs", problems);
        if (array == null) {
            return null;
        }
        List<PipelineDefinition.InputDraft> inputs = new ArrayList<>();
        for (int j = 0; j < array.items().size(); j++) {
            String inAt = at + ".inputs[" + j + "]";
            if (!(array.items().get(j) instanceof Obj in)) {
                inputs.add(null);
                continue;
            }
            unknown(inAt + ".", in, INPUT, problems);
            JsonValue value = in.fields().get("value");
            inputs.add(new PipelineDefinition.InputDraft(
                    text(inAt + ".name", in, "name", problems),
                    text(inAt + ".source", in, "source", problems),
                    text(inAt + ".pointer", in, "pointer", problems),
                    bool(inAt + ".required", in, "required", problems),
                    value == null ? null : value.document()));
        }
        return inputs;
    }

    private static List<PipelineDefinition.EffectDraft> effects(String at, Obj step, Violations problems) {
        Arr array = array(at + ".effects", step, "effects", problems);
        if (array == null) {
            return null;
        }
        List<PipelineDefinition.EffectDraft> effects = new ArrayList<>();
        for (int j = 0; j < array.items().size(); j++) {
            String eAt = at + ".effects[" + j + "]";
            if (!(array.items().get(j) instanceof Obj e)) {
                effects.add(null);
                continue;
            }
            unknown(eAt + ".", e, EFFECT, problems);
            String company = null;
            String domain = null;
            JsonValue seed = e.fields().get("seed");
            boolean hasSeed = seed != null && seed != JsonValue.Null.NULL;
            if (hasSeed) {
                if (seed instanceof Obj so) {
                    unknown(eAt + ".seed.", so, SEED, problems);
                    company = text(eAt + ".seed.company_name", so, "company_name", problems);
                    domain = text(eAt + ".seed.domain", so, "domain", problems);
                } else {
                    problems.add(eAt + ".seed", "must be an object with company_name and domain pointers");
                }
            }
            effects.add(new PipelineDefinition.EffectDraft(
                    text(eAt + ".section", e, "section", problems),
                    text(eAt + ".pointer", e, "pointer", problems),
                    text(eAt + ".contacts", e, "contacts", problems),
                    bool(eAt + ".people_only", e, "people_only", problems),
                    company,
                    domain,
                    hasSeed,
                    text(eAt + ".items", e, "items", problems)));
        }
        return effects;
    }

    private static void unknown(String prefix, Obj o, Set<String> known, Violations problems) {
        o.fields().keySet().stream()
                .filter(k -> !known.contains(k))
                .sorted()
                .forEach(k -> problems.add(
                        prefix + k,
                        "is not a field here; expected one of "
                                + String.join(", ", known.stream().sorted().toList())));
    }

    private static Arr array(String field, Obj o, Violations problems) {
        return array(field, o, field, problems);
    }

    private static Arr array(String at, Obj o, String field, Violations problems) {
        JsonValue v = o.fields().get(field);
        if (v == null || v == JsonValue.Null.NULL) {
            return null;
        }
        if (v instanceof Arr a) {
            return a;
        }
        problems.add(at, "must be an array");
        return null;
    }

    private static String text(String at, Obj o, String field, Violations problems) {
        JsonValue v = o.fields().get(field);
        if (v == null || v == JsonValue.Null.NULL) {
            return null;
        }
        if (v instanceof Str s) {
            return s.value();
        }
        problems.add(at, "must be a string");
        return null;
    }

    private static Integer whole(String at, Obj o, String field, Violations problems) {
        JsonValue v = o.fields().get(field);
        if (v == null || v == JsonValue.Null.NULL) {
            return null;
        }
        var n = v.asLong().filter(x -> x >= Integer.MIN_VALUE && x <= Integer.MAX_VALUE);
        if (n.isPresent() && v instanceof JsonValue.Num num && !num.text().contains(".")) {
            return n.get().intValue();
        }
        problems.add(at, "must be a whole number");
        return null;
    }

    private static Boolean bool(String at, Obj o, String field, Violations problems) {
        JsonValue v = o.fields().get(field);
        if (v == null || v == JsonValue.Null.NULL) {
            return null;
        }
        if (v instanceof JsonValue.Bool b) {
            return b.value();
        }
        problems.add(at, "must be true or false");
        return null;
    }
}
