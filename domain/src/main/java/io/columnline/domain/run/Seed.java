package io.columnline.domain.run;

import io.columnline.domain.error.Violations;
import io.columnline.domain.json.JsonDocument;
import java.util.Objects;
import java.util.Optional;

/**
 * The company a run researches. The whole seed object is kept as sent ({@code document}); the
 * identity fields the domain relies on are read out of it by the adapter that parsed it.
 */
public record Seed(String companyName, String domain, Optional<String> companyId, JsonDocument document) {
    private static final int MAX_LENGTH = 500;

    public Seed {
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(document, "document");
        var problems = new Violations();
        if (companyName == null || companyName.isBlank()) {
            problems.add("seed.company_name", "is required: the name of the company to research");
        } else if (companyName.length() > MAX_LENGTH) {
            problems.add("seed.company_name", "must be at most " + MAX_LENGTH + " characters");
        }
        if (domain == null || domain.isBlank()) {
            problems.add("seed.domain", "is required: the company's web domain, e.g. acme.com");
        } else if (domain.length() > MAX_LENGTH || domain.strip().contains(" ")) {
            problems.add("seed.domain", "'" + domain + "' is not a web domain such as acme.com");
        }
        if (companyId.isPresent() && companyId.get().isBlank()) {
            problems.add("seed.company_id", "must not be blank when given");
        }
        problems.throwIfAny();
        companyName = companyName.strip();
        domain = domain.strip();
    }
}
