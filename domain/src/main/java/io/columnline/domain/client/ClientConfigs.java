package io.columnline.domain.client;

import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.Violations;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.json.JsonObjects;
import io.columnline.domain.json.JsonText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The configs the V2 pipelines read of a client beside its profile: the compressed ICP config,
 * industry research and research context, its client-specific research, drip schedule and batch
 * strategy. Each is any JSON (text or an object). One JSON object per client until the knowledge
 * area's documents hold them.
 */
public record ClientConfigs(JsonDocument document) {
    public static final List<String> NAMES = List.of(
            "icp_config_compressed",
            "industry_research_compressed",
            "research_context_compressed",
            "client_specific_research",
            "drip_schedule",
            "batch_strategy");
    public static final ClientConfigs EMPTY = new ClientConfigs(JsonDocument.EMPTY_OBJECT);

    public ClientConfigs {
        Objects.requireNonNull(document, "document");
    }

    public Optional<JsonDocument> get(String name) {
        return Optional.ofNullable(fields().get(name))
                .filter(v -> !v.equals("null"))
                .map(JsonDocument::new);
    }

    /** The given configs over these; a config given as {@code null} is removed. */
    public ClientConfigs merge(JsonDocument given) {
        Map<String, String> changes = JsonText.topLevelRawFields(given.text())
                .orElseThrow(() -> new Invalid("configs", "must be a JSON object of " + String.join(", ", NAMES)));
        var problems = new Violations();
        changes.keySet().stream()
                .filter(name -> !NAMES.contains(name))
                .forEach(name -> problems.add(
                        "configs." + name, "is not a config; expected one of " + String.join(", ", NAMES)));
        problems.throwIfAny();
        Map<String, Object> merged = new LinkedHashMap<>();
        fields().forEach((name, value) -> merged.put(name, new JsonDocument(value)));
        changes.forEach((name, value) -> {
            if (value.equals("null")) {
                merged.remove(name);
            } else {
                merged.put(name, new JsonDocument(value));
            }
        });
        return new ClientConfigs(JsonObjects.object(merged));
    }

    private Map<String, String> fields() {
        return JsonText.topLevelRawFields(document.text()).orElse(Map.of());
    }
}
