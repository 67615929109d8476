package io.columnline.adapters.http.shared;

import io.columnline.application.shared.JsonSchemaValidator;
import io.columnline.application.shared.JsonSchemaValidatorContract;

class NetworkntJsonSchemaValidatorTest extends JsonSchemaValidatorContract {
    private final NetworkntJsonSchemaValidator validator = new NetworkntJsonSchemaValidator();

    @Override
    protected JsonSchemaValidator validator() {
        return validator;
    }
}
