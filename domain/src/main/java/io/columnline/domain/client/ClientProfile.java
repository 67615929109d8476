package io.columnline.domain.client;

import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.json.JsonValue;
import java.util.Objects;

/** The three versioned knowledge documents of a client. */
public record ClientProfile(JsonDocument icpConfig, String industryResearch, String researchContext) {
    public static final ClientProfile EMPTY = new ClientProfile(JsonDocument.EMPTY_OBJECT, "", "");

    public ClientProfile {
        Objects.requireNonNull(icpConfig, "icpConfig");
        industryResearch = industryResearch == null ? "" : industryResearch;
        researchContext = researchContext == null ? "" : researchContext;
    }

    /**
     * Industry research and research context may be sent as JSON objects (or arrays) as well as
     * text; they are kept as text, and this reads back one that holds an object or an array as
     * that JSON, any other text as itself.
     */
    public static JsonValue textOrJson(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                JsonValue value = JsonValue.parse(trimmed);
                if (value instanceof JsonValue.Obj || value instanceof JsonValue.Arr) {
                    return value;
                }
            } catch (IllegalArgumentException e) {
                // text that only starts like JSON stays text
            }
        }
        return new JsonValue.Str(text);
    }
}
