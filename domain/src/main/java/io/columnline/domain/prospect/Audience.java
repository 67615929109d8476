package io.columnline.domain.prospect;

import java.util.Optional;

/**
 * Who a campaign may reach: contacts filtered by their own and their company's fields, leaving
 * out those who bounced or unsubscribed unless asked.
 */
public record Audience(
        Optional<String> segment,
        Optional<Boolean> smeRegistry,
        Optional<String> status,
        Optional<String> region,
        Optional<String> positionContains,
        Optional<String> processingStatus,
        Optional<Boolean> hasEmail,
        boolean includeSuppressed) {

    public static final Audience EVERYONE = new Audience(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            false);

    public Audience {
        positionContains = positionContains.map(String::strip).filter(p -> !p.isEmpty());
    }
}
