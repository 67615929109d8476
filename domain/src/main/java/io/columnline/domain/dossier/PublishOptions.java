package io.columnline.domain.dossier;

import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.error.Violations;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * How a run is published: when it is released, on which lists it lands (the Inbox when none), and
 * which dossier it replaces. Publishing a run again must ask for exactly the same.
 */
public record PublishOptions(
        Optional<LocalDate> releaseDate,
        List<ListId> lists,
        SupersedeMode supersede,
        Optional<DossierId> supersedesDossier) {

    public static final int MAX_LISTS = 100;

    public PublishOptions {
        Objects.requireNonNull(releaseDate, "releaseDate");
        lists = List.copyOf(new LinkedHashSet<>(lists));
        Objects.requireNonNull(supersede, "supersede");
        Objects.requireNonNull(supersedesDossier, "supersedesDossier");
        if (supersede == SupersedeMode.NONE && supersedesDossier.isPresent()) {
            throw new Invalid(
                    "supersedes_dossier_id",
                    "names a dossier to supersede, which supersede 'none' forbids;" + " leave one of them out");
        }
    }

    public static final PublishOptions DEFAULT =
            new PublishOptions(Optional.empty(), List.of(), SupersedeMode.AUTO, Optional.empty());

    /** Parses what a caller sent; every malformed part is reported at once, an unknown list id is 404. */
    public static PublishOptions of(
            String releaseDate, List<String> listIds, String supersede, String supersedesDossierId) {
        var problems = new Violations();
        Optional<LocalDate> date = Optional.empty();
        if (releaseDate != null) {
            try {
                date = Optional.of(LocalDate.parse(releaseDate.strip()));
            } catch (DateTimeParseException e) {
                problems.add("release_date", "'" + releaseDate + "' is not a date; use YYYY-MM-DD such as 2026-11-25");
            }
        }
        SupersedeMode mode = SupersedeMode.AUTO;
        if (supersede != null) {
            try {
                mode = SupersedeMode.parse("supersede", supersede);
            } catch (Invalid e) {
                problems.addAll(e.violations());
            }
        }
        Optional<DossierId> target = Optional.empty();
        if (supersedesDossierId != null) {
            try {
                target = Optional.of(new DossierId(UUID.fromString(supersedesDossierId.strip())));
            } catch (IllegalArgumentException e) {
                problems.add(
                        "supersedes_dossier_id", "'" + supersedesDossierId + "' is not a dossier id of this client");
            }
        }
        List<String> given = listIds == null ? List.of() : listIds;
        if (given.size() > MAX_LISTS) {
            problems.add("list_ids", "may name at most " + MAX_LISTS + " lists, got " + given.size());
        }
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i) == null) {
                problems.add("list_ids[" + i + "]", "must be a list id, not null");
            }
        }
        problems.throwIfAny();
        List<ListId> lists = new ArrayList<>();
        for (String id : given) {
            try {
                lists.add(new ListId(UUID.fromString(id.strip())));
            } catch (IllegalArgumentException e) {
                throw new NotFound("list", id);
            }
        }
        return new PublishOptions(date, lists, mode, target);
    }

    /** The options as a text that is equal exactly when the options are; the order of list ids does not matter. */
    public String fingerprint() {
        return "release_date=" + releaseDate.map(LocalDate::toString).orElse("")
                + ";lists=" + lists.stream().map(ListId::toString).sorted().collect(Collectors.joining(","))
                + ";supersede=" + supersede.wire()
                + ";supersedes=" + supersedesDossier.map(DossierId::toString).orElse("");
    }
}
