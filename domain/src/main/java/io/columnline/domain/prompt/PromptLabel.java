package io.columnline.domain.prompt;

import io.columnline.domain.Key;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.Violations;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A movable name for one version of a prompt ({@code production}, {@code staging}, …). {@code
 * latest} is kept by the system: it always names the newest version and cannot be moved.
 */
public record PromptLabel(String value) {
    public static final PromptLabel PRODUCTION = new PromptLabel("production");
    public static final PromptLabel LATEST = new PromptLabel("latest");

    public PromptLabel {
        Key.check("label", value);
    }

    /** A label a caller may put on a version: anything but {@code latest}. */
    public static PromptLabel movable(String field, String value) {
        PromptLabel label;
        try {
            label = new PromptLabel(value);
        } catch (Invalid e) {
            throw new Invalid(field, e.violations().get(0).message());
        }
        if (label.equals(LATEST)) {
            throw new Invalid(field, "'latest' always names the newest version and cannot be moved");
        }
        return label;
    }

    /** The labels a save asks for, each checked as {@code labels[i]}; problems go to {@code problems}. */
    public static Set<PromptLabel> movable(List<String> names, Violations problems) {
        Set<PromptLabel> labels = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            try {
                labels.add(movable("labels[" + i + "]", names.get(i)));
            } catch (Invalid e) {
                problems.addAll(e.violations());
            }
        }
        return labels;
    }

    /**
     * The labels a save moves to {@code version}: those it asks for, and {@code production} when it
     * made a key's first version, less those that already name that version ({@code current}).
     */
    public static List<PromptLabel> toMove(
            Set<PromptLabel> requested, boolean firstVersion, int version, Map<PromptLabel, Integer> current) {
        Set<PromptLabel> labels = new LinkedHashSet<>(requested);
        if (firstVersion) {
            labels.add(PRODUCTION);
        }
        List<PromptLabel> moved = new ArrayList<>();
        for (PromptLabel label : labels) {
            if (!Integer.valueOf(version).equals(current.get(label))) {
                moved.add(label);
            }
        }
        return List.copyOf(moved);
    }

    @Override
    public String toString() {
        return value;
    }
}
