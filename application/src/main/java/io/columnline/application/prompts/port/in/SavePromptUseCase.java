package io.columnline.application.prompts.port.in;

import io.columnline.domain.access.Caller;
import io.columnline.domain.error.Violation;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.prompt.Prompt;
import io.columnline.domain.prompt.PromptKey;
import io.columnline.domain.prompt.PromptLabel;
import io.columnline.domain.prompt.PromptVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Writes prompts (admin keys): new versions, labels. */
public interface SavePromptUseCase {
    /**
     * Saves the draft as a new version unless it equals the newest one, then puts its labels on the
     * version. A prompt's first version is labelled {@code production}.
     */
    Saved save(Caller caller, Draft draft);

    /** Saves every draft in one transaction: all are saved or, when one is refused, none. */
    List<Saved> saveAll(Caller caller, List<Draft> drafts);

    /** Points a label at an existing version (rolling back is moving it back). */
    Prompt moveLabel(Caller caller, PromptKey key, String label, Integer version);

    /** A refusal of {@link #saveAll} names fields {@code prompts[i].field}; this finds {@code i}. */
    static Optional<Integer> draftIndex(Violation violation) {
        String field = violation.field();
        int end = field.indexOf(']');
        if (!field.startsWith("prompts[") || end < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(field.substring("prompts[".length(), end)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code modelParams} is a JSON object or null; {@code labels} may be empty, and a null among them
     * is reported like any other bad label.
     */
    record Draft(String key, String template, String model, JsonDocument modelParams, List<String> labels) {
        public Draft {
            labels = labels == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(labels));
        }
    }

    /** The version the draft ended up as, whether it is new, and the labels that moved onto it. */
    record Saved(Prompt prompt, PromptVersion version, boolean newVersion, List<PromptLabel> movedLabels) {
        public boolean created() {
            return newVersion && version.version() == 1;
        }
    }
}
