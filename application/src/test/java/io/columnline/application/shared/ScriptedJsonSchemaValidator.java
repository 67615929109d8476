package io.columnline.application.shared;

import io.columnline.domain.json.JsonDocument;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for the JSON Schema library, which the core cannot run: it accepts every schema and
 * instance except those a test declared bad, and answers with the problems the test gave. The
 * real validator is proved by {@code JsonSchemaValidatorContract} in the HTTP adapter.
 */
public final class ScriptedJsonSchemaValidator implements JsonSchemaValidator {
    private record Pair(JsonDocument schema, JsonDocument instance) {}

    private final Map<JsonDocument, List<SchemaProblem>> badSchemas = new HashMap<>();
    private final Map<Pair, List<SchemaProblem>> badInstances = new HashMap<>();

    public synchronized void rejectSchema(JsonDocument schema, SchemaProblem... problems) {
        badSchemas.put(schema, List.of(problems));
    }

    public synchronized void rejectInstance(JsonDocument schema, JsonDocument instance, SchemaProblem... problems) {
        badInstances.put(new Pair(schema, instance), List.of(problems));
    }

    @Override
    public synchronized List<SchemaProblem> checkSchema(JsonDocument schema) {
        return badSchemas.getOrDefault(schema, List.of());
    }

    @Override
    public synchronized List<SchemaProblem> validate(JsonDocument schema, JsonDocument instance) {
        return badInstances.getOrDefault(new Pair(schema, instance), List.of());
    }
}
