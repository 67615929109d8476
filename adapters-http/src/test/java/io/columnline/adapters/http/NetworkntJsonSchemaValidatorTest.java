package io.columnline.adapters.http;

import io.columnline.application.contract.JsonSchemaValidatorContract;
import io.columnline.application.port.out.JsonSchemaValidator;

class NetworkntJsonSchemaValidatorTest extends JsonSchemaValidatorContract {
    private final NetworkntJsonSchemaValidator validator = new NetworkntJsonSchemaValidator();

    @Override
    protected JsonSchemaValidator validator() {
        return validator;
    }
}
