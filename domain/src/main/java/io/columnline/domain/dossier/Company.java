package io.columnline.domain.dossier;

import io.columnline.domain.run.Seed;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who a dossier is about, as the run's seed named it. Dossiers of the same company are found by
 * the normalised domain, else the company id, else the normalised name.
 */
public record Company(String name, String domain, Optional<String> companyId) {
    private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*://");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    public Company {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(companyId, "companyId");
    }

    public static Company of(Seed seed) {
        return new Company(
                seed.companyName(),
                normalizeDomain(seed.domain()),
                seed.companyId().map(String::strip));
    }

    /** {@code https://www.Acme.com/about} and {@code acme.com} are the same company: lower case, no scheme, {@code www.} or path. */
    public static String normalizeDomain(String domain) {
        String d = domain.strip().toLowerCase(Locale.ROOT);
        d = SCHEME.matcher(d).replaceFirst("");
        while (d.startsWith("/")) {
            d = d.substring(1);
        }
        int at = d.lastIndexOf('@', firstOf(d, "/?#"));
        if (at >= 0) {
            d = d.substring(at + 1);
        }
        d = d.substring(0, firstOf(d, "/?#"));
        int port = d.indexOf(':');
        if (port >= 0) {
            d = d.substring(0, port);
        }
        if (d.startsWith("www.")) {
            d = d.substring(4);
        }
        while (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        return d;
    }

    /** Names compare without case and with runs of white space as one space. */
    public static String normalizeName(String name) {
        return SPACES.matcher(name.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    public String nameKey() {
        return normalizeName(name);
    }

    private static int firstOf(String text, String characters) {
        int first = text.length();
        for (char c : characters.toCharArray()) {
            int i = text.indexOf(c);
            if (i >= 0 && i < first) {
                first = i;
            }
        }
        return first;
    }
}
