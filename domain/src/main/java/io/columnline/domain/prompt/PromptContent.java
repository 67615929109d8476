package io.columnline.domain.prompt;

import io.columnline.domain.error.Violations;
import io.columnline.domain.json.JsonDocument;
import java.util.Objects;
import java.util.Optional;

/** What one prompt version holds: the template and the model it is meant for, with its parameters. */
public record PromptContent(PromptTemplate template, Optional<String> model, JsonDocument modelParams) {
    private static final int MAX_MODEL_LENGTH = 200;

    public PromptContent {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(modelParams, "modelParams");
    }

    /**
     * Checks what a caller sends, reporting every problem. {@code modelParams} must already be a JSON
     * object (the adapter that parsed it knows); null means none.
     */
    public static PromptContent of(String template, String model, JsonDocument modelParams) {
        var problems = new Violations();
        PromptTemplate parsed = null;
        try {
            parsed = new PromptTemplate(template);
        } catch (io.columnline.domain.error.Invalid e) {
            problems.addAll(e.violations());
        }
        if (model != null) {
            if (model.isBlank()) {
                problems.add("model", "must not be blank; leave it out when the prompt names no model");
            } else if (model.length() > MAX_MODEL_LENGTH
                    || !model.equals(model.strip())
                    || model.chars().anyMatch(Character::isISOControl)) {
                problems.add(
                        "model",
                        "must be one line of at most " + MAX_MODEL_LENGTH
                                + " characters without surrounding spaces, such as gpt-4.1-mini");
            }
        }
        problems.throwIfAny();
        return new PromptContent(
                parsed, Optional.ofNullable(model), modelParams == null ? JsonDocument.EMPTY_OBJECT : modelParams);
    }
}
