package io.columnline.domain.pipeline;

import io.columnline.domain.error.NotFound;
import io.columnline.domain.prompt.PromptLabel;
import io.columnline.domain.prompt.PromptSelector;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A saved pipeline: how many versions it has and where its labels point. Labels work as they do
 * for prompts: {@code latest} is never stored, it follows the newest version; the first version is
 * labelled {@code production}.
 */
public record Pipeline(PipelineKey key, int latestVersion, Map<PromptLabel, Integer> labels, Instant createdAt) {
    public Pipeline {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(createdAt, "createdAt");
        if (latestVersion < 1) {
            throw new IllegalArgumentException("a saved pipeline has at least one version");
        }
        labels = Map.copyOf(labels);
        if (labels.containsKey(PromptLabel.LATEST)) {
            throw new IllegalArgumentException("'latest' is never stored");
        }
    }

    /** Every label with the version it names, {@code latest} included, sorted by label. */
    public Map<PromptLabel, Integer> allLabels() {
        var all = new TreeMap<PromptLabel, Integer>(Comparator.comparing(PromptLabel::value));
        all.putAll(labels);
        all.put(PromptLabel.LATEST, latestVersion);
        return all;
    }

    /** The labels naming this version, sorted. */
    public List<PromptLabel> labelsOf(int version) {
        return allLabels().entrySet().stream()
                .filter(e -> e.getValue() == version)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The version number a selector names; an unknown label or version is not found. */
    public int resolve(PromptSelector selector) {
        return switch (selector) {
            case PromptSelector.ByVersion byVersion -> {
                if (byVersion.version() > latestVersion) {
                    throw new NotFound("version of pipeline " + key, byVersion.version());
                }
                yield byVersion.version();
            }
            case PromptSelector.ByLabel byLabel -> {
                Integer version = allLabels().get(byLabel.label());
                if (version == null) {
                    throw new NotFound("label of pipeline " + key, byLabel.label());
                }
                yield version;
            }
        };
    }
}
