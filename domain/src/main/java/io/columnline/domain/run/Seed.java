package io.columnline.domain.run;

import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.Violations;
import io.columnline.domain.json.JsonDocument;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run starts from. The whole seed object is kept as sent ({@code document}); the identity
 * fields the domain relies on are read out of it by the adapter that parsed it. A discovery run
 * starts without a company (or with free-form seed data): its name and domain are then null until a
 * step's {@code seed} effect or a PATCH names the company; only publishing needs them.
 */
public record Seed(String companyName, String domain, Optional<String> companyId, JsonDocument document) {
    private static final int MAX_LENGTH = 500;

    /** A run started without any seed. */
    public static final Seed NONE = new Seed(null, null, Optional.empty(), JsonDocument.EMPTY_OBJECT);

    public Seed {
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(document, "document");
        var problems = new Violations();
        if (companyName != null && companyName.isBlank()) {
            problems.add("seed.company_name", "must not be blank when given: the name of the company to research");
        } else if (companyName != null && companyName.length() > MAX_LENGTH) {
            problems.add("seed.company_name", "must be at most " + MAX_LENGTH + " characters");
        }
        if (domain != null
                && (domain.isBlank()
                        || domain.length() > MAX_LENGTH
                        || domain.strip().contains(" "))) {
            problems.add("seed.domain", "'" + domain + "' is not a web domain such as acme.com");
        }
        if (companyId.isPresent() && companyId.get().isBlank()) {
            problems.add("seed.company_id", "must not be blank when given");
        }
        problems.throwIfAny();
        companyName = companyName == null ? null : companyName.strip();
        domain = domain == null ? null : domain.strip();
    }

    /** Whether the seed names the company (its name and its domain): what a dossier is filed under. */
    public boolean hasCompany() {
        return companyName != null && domain != null;
    }

    /** Refuses (422) to go on with a run whose company nobody has named yet; {@code action} is a gerund phrase. */
    public void requireCompany(RunId run, String action) {
        if (!hasCompany()) {
            throw new Invalid(
                    "seed",
                    "run " + run + " has no company identity (seed.company_name and seed.domain), so " + action
                            + " is not possible yet; name the company with PATCH /api/v1/runs/" + run
                            + " {\"seed\": {...}} or a step's seed effect");
        }
    }
}
