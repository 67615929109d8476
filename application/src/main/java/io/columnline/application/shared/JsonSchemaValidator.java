package io.columnline.application.shared;

import io.columnline.domain.json.JsonDocument;
import java.util.List;

/**
 * JSON Schema (draft 2020-12) checks. The core cannot read JSON itself, so a library behind this
 * port does it; problems point into the document with JSON pointers ({@code ""} is the root).
 */
public interface JsonSchemaValidator {
    /** Every reason the document is not a usable draft 2020-12 schema; empty when it is one. */
    List<SchemaProblem> checkSchema(JsonDocument schema);

    /** Every place where the instance breaks the schema; empty when it conforms. The schema must be usable. */
    List<SchemaProblem> validate(JsonDocument schema, JsonDocument instance);

    record SchemaProblem(String pointer, String message) {}
}
