package io.columnline.adapters.http.shared;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.application.shared.JsonSchemaValidator.SchemaProblem;
import io.columnline.domain.fuzz.ShortFuzz;
import io.columnline.domain.json.JsonDocument;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema check of section output: a section definition's schema (the first line of an
 * input) is checked as a usable draft 2020-12 schema, and when it is one, a section's output (the
 * rest) is validated against it. Either step answers problems (422 at the route) and never throws.
 */
class SectionSchemaFuzzTest {
    private final NetworkntJsonSchemaValidator validator = new NetworkntJsonSchemaValidator();

    @FuzzTest
    void check(byte[] data) {
        int newline = indexOf(data, (byte) '\n');
        JsonNode schema = tree(Arrays.copyOfRange(data, 0, newline < 0 ? data.length : newline));
        if (schema == null) {
            return;
        }
        JsonDocument schemaDocument = Json.document(schema);
        List<SchemaProblem> problems = validator.checkSchema(schemaDocument);
        if (!problems.isEmpty() || newline < 0) {
            return;
        }
        JsonNode output = tree(Arrays.copyOfRange(data, newline + 1, data.length));
        if (output != null) {
            validator.validate(schemaDocument, Json.document(output));
        }
    }

    @Test
    void checkShortRun() {
        ShortFuzz.run(getClass(), "check", this::check);
    }

    /** The JSON as a request body reads it, or null where the route refuses it with 400. */
    private static JsonNode tree(byte[] bytes) {
        try {
            return Json.tree(bytes);
        } catch (MalformedBody refused) {
            return null;
        }
    }

    private static int indexOf(byte[] data, byte b) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
