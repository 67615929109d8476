package io.columnline.adapters.http.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.shared.JsonSchemaValidator;
import io.columnline.application.shared.JsonSchemaValidator.SchemaProblem;
import io.columnline.application.shared.JsonSchemaValidatorContract;
import io.columnline.domain.json.JsonDocument;
import org.junit.jupiter.api.Test;

class NetworkntJsonSchemaValidatorTest extends JsonSchemaValidatorContract {
    private final NetworkntJsonSchemaValidator validator = new NetworkntJsonSchemaValidator();

    @Override
    protected JsonSchemaValidator validator() {
        return validator;
    }

    @Test
    void a_ref_cycle_that_never_reaches_a_value_is_a_problem_not_a_stack_overflow() {
        // found by SectionSchemaFuzzTest: the library recursed until the stack ran out
        assertThat(validator.checkSchema(new JsonDocument("{\"$ref\":\"\"}")))
                .extracting(SchemaProblem::message)
                .singleElement()
                .asString()
                .contains("refers to itself without end");
        // a cycle reached only through one property passes the check and is refused per output
        var conditional = new JsonDocument("{\"$defs\":{\"a\":{\"$ref\":\"#/$defs/b\"},\"b\":{\"$ref\":\"#/$defs/a\"}},"
                + "\"properties\":{\"x\":{\"$ref\":\"#/$defs/a\"}}}");
        assertThat(validator.checkSchema(conditional)).isEmpty();
        assertThat(validator.validate(conditional, new JsonDocument("{\"x\":1}")))
                .extracting(SchemaProblem::message)
                .singleElement()
                .asString()
                .contains("refers to itself without end");
    }
}
