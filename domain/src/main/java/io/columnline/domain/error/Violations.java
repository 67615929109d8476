package io.columnline.domain.error;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem with an input before refusing it, so a caller fixes them all at once. */
public final class Violations {
    private final List<Violation> found = new ArrayList<>();

    public Violations add(String field, String message) {
        found.add(new Violation(field, message));
        return this;
    }

    public Violations addAll(List<Violation> violations) {
        found.addAll(violations);
        return this;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<Violation> list() {
        return List.copyOf(found);
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new Invalid(found);
        }
    }
}
