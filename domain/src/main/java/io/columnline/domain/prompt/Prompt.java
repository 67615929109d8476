package io.columnline.domain.prompt;

import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A registered prompt: how many versions it has and where its labels point. {@code labels} holds
 * the labels that were put on versions; {@code latest} is not among them, it follows the newest.
 */
public record Prompt(PromptKey key, int latestVersion, Map<PromptLabel, Integer> labels, Instant createdAt) {

    public Prompt {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(createdAt, "createdAt");
        if (latestVersion < 1) {
            throw new IllegalArgumentException("a registered prompt has at least one version");
        }
        labels = Map.copyOf(labels);
        if (labels.containsKey(PromptLabel.LATEST)) {
            throw new IllegalArgumentException("'latest' is never stored");
        }
    }

    /** Every label with the version it names, {@code latest} included, sorted by label. */
    public Map<PromptLabel, Integer> allLabels() {
        var all = new TreeMap<PromptLabel, Integer>(java.util.Comparator.comparing(PromptLabel::value));
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

    public boolean hasVersion(int version) {
        return version >= 1 && version <= latestVersion;
    }

    /** The version number a selector names; an unknown label or version is not found. */
    public int resolve(PromptSelector selector) {
        return switch (selector) {
            case PromptSelector.ByVersion byVersion -> {
                if (!hasVersion(byVersion.version())) {
                    throw new NotFound("version of prompt " + key, byVersion.version());
                }
                yield byVersion.version();
            }
            case PromptSelector.ByLabel byLabel -> {
                Integer version = allLabels().get(byLabel.label());
                if (version == null) {
                    throw new NotFound("label of prompt " + key, byLabel.label());
                }
                yield version;
            }
        };
    }

    /** Refuses a version this prompt does not have, naming the input field. */
    public void requireVersion(String field, int version) {
        if (!hasVersion(version)) {
            throw new Invalid(
                    field,
                    "prompt '" + key + "' has no version " + version
                            + (latestVersion == 1
                                    ? "; its only version is 1"
                                    : "; its versions are 1 to " + latestVersion));
        }
    }
}
