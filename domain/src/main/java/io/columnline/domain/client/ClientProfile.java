package io.columnline.domain.client;

import io.columnline.domain.json.JsonDocument;
import java.util.Objects;

/** The three versioned knowledge documents of a client. */
public record ClientProfile(JsonDocument icpConfig, String industryResearch, String researchContext) {
    public static final ClientProfile EMPTY = new ClientProfile(JsonDocument.EMPTY_OBJECT, "", "");

    public ClientProfile {
        Objects.requireNonNull(icpConfig, "icpConfig");
        industryResearch = industryResearch == null ? "" : industryResearch;
        researchContext = researchContext == null ? "" : researchContext;
    }
}
