package io.columnline.adapters.http.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.columnline.application.shared.JsonSchemaValidator;
import io.columnline.domain.json.JsonDocument;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.FileNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.PatternSyntaxException;

/**
 * JSON Schema draft 2020-12 with networknt's json-schema-validator. It lives in the HTTP adapter
 * because the library reads JSON with Jackson, which only this adapter has; it is bound to the
 * core's {@link JsonSchemaValidator} port, so publish and the CLI use it the same way. Schemas
 * must be self-contained: references are resolved inside the schema and never fetched.
 */
@Singleton
final class NetworkntJsonSchemaValidator implements JsonSchemaValidator {
    private static final String DIALECT = SpecificationVersion.DRAFT_2020_12.getDialectId();
    /** Compiled schemas by canonical text; sections are few, the bound only guards against misuse. */
    private static final int CACHE_LIMIT = 512;

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .pathType(PathType.JSON_POINTER)
                            .build())
                    .schemaLoader(loader -> loader.fetchRemoteResources(false)));
    private final Schema metaSchema = registry.getSchema(SchemaLocation.of(DIALECT));
    private final Map<JsonDocument, Schema> compiled = new ConcurrentHashMap<>();

    @Inject
    NetworkntJsonSchemaValidator() {}

    @Override
    public List<SchemaProblem> checkSchema(JsonDocument schema) {
        JsonNode node = Json.node(schema);
        JsonNode dialect = node.path("$schema");
        if (!dialect.isMissingNode() && !isDraft202012(dialect)) {
            return List.of(
                    new SchemaProblem("/$schema", "must be " + DIALECT + " (JSON Schema draft 2020-12) or left out"));
        }
        List<SchemaProblem> problems = problems(metaSchema.validate(node));
        if (!problems.isEmpty()) {
            return problems;
        }
        try {
            compile(schema).validate(Json.object());
            return List.of();
        } catch (SchemaException | IllegalArgumentException | IllegalStateException e) {
            return List.of(new SchemaProblem("", unusable(e)));
        } catch (StackOverflowError e) {
            return List.of(new SchemaProblem("", ENDLESS));
        }
    }

    /**
     * A {@code $ref} cycle that never reaches a value ({@code {"$ref": "#"}}, found by
     * SectionSchemaFuzzTest) recurses in the library until the stack runs out. Such a schema is
     * refused where it is checked, and where a cycle shows only for some output, that output is
     * refused with this problem instead of the request failing.
     */
    private static final String ENDLESS =
            "refers to itself without end: a $ref cycle must pass through a property or an item";

    private static String unusable(RuntimeException error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return switch (root) {
            case FileNotFoundException missing ->
                "refers to " + missing.getMessage()
                        + ", outside the schema; a section schema must be self-contained (refer to #/$defs/... instead)";
            case PatternSyntaxException pattern ->
                "has a pattern that is not a regular expression: '" + pattern.getPattern() + "' ("
                        + pattern.getDescription() + ")";
            default ->
                "is not a usable schema: "
                        + String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        };
    }

    @Override
    public List<SchemaProblem> validate(JsonDocument schema, JsonDocument instance) {
        try {
            return problems(compile(schema).validate(Json.node(instance)));
        } catch (StackOverflowError e) {
            return List.of(new SchemaProblem("", "cannot be checked: the section's schema " + ENDLESS));
        }
    }

    private Schema compile(JsonDocument schema) {
        Schema cached = compiled.get(schema);
        if (cached != null) {
            return cached;
        }
        Schema fresh = registry.getSchema(Json.node(schema));
        fresh.initializeValidators();
        if (compiled.size() >= CACHE_LIMIT) {
            compiled.clear();
        }
        compiled.put(schema, fresh);
        return fresh;
    }

    private static boolean isDraft202012(JsonNode dialect) {
        return dialect.isTextual()
                && (dialect.asText().equals(DIALECT) || dialect.asText().equals(DIALECT + "#"));
    }

    private static List<SchemaProblem> problems(List<Error> errors) {
        List<SchemaProblem> problems = new ArrayList<>();
        for (Error error : errors) {
            String pointer = error.getInstanceLocation().toString();
            if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
                pointer = pointer + "/" + error.getProperty().replace("~", "~0").replace("/", "~1");
            }
            problems.add(new SchemaProblem(pointer, error.getMessage()));
        }
        return problems;
    }
}
