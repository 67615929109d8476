package io.columnline.domain.error;

import java.util.List;

/** The input breaks one or more rules; every problem found is listed, not only the first. */
public final class Invalid extends DomainException {
    private final List<Violation> violations;

    public Invalid(List<Violation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    public Invalid(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an Invalid needs at least one violation");
        }
        return violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " problems, first " + violations.get(0).field() + ": "
                        + violations.get(0).message();
    }
}
