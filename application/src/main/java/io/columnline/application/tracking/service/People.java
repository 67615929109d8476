package io.columnline.application.tracking.service;

import io.columnline.domain.dossier.ContactDraft;
import io.columnline.domain.json.JsonValue;
import io.columnline.domain.json.JsonValue.Arr;
import io.columnline.domain.json.JsonValue.Obj;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The people of a {@code contacts} effect: the origin's filter and the contact drafts made of them. */
final class People {
    private People() {}

    /** A word of any of these makes a name a company's, not a person's. */
    private static final Set<String> COMPANY_WORDS = Set.of(
            "inc",
            "llc",
            "ltd",
            "corp",
            "company",
            "architects",
            "partners",
            "group",
            "associates",
            "engineering",
            "consulting");

    /** The objects of the array; with {@code peopleOnly}, those whose name is two or more words and no company word. */
    static List<Obj> of(JsonValue array, boolean peopleOnly) {
        if (!(array instanceof Arr a)) {
            return List.of();
        }
        return a.items().stream()
                .filter(v -> v instanceof Obj)
                .map(v -> (Obj) v)
                .filter(o -> !peopleOnly || isPerson(name(o).orElse("")))
                .toList();
    }

    static boolean isPerson(String name) {
        String[] words = name.strip().split("\\s+");
        if (words.length < 2) {
            return false;
        }
        for (String word : words) {
            if (COMPANY_WORDS.contains(word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""))) {
                return false;
            }
        }
        return true;
    }

    static Optional<String> name(Obj o) {
        Optional<String> full = o.string("full_name").or(() -> o.string("name"));
        if (full.isPresent()) {
            return full;
        }
        Optional<String> first = o.string("first_name");
        Optional<String> last = o.string("last_name");
        return first.isPresent() && last.isPresent() ? Optional.of(first.get() + " " + last.get()) : Optional.empty();
    }

    static ContactDraft draft(Obj o) {
        return new ContactDraft(
                name(o).orElse(null),
                o.string("first_name").orElse(null),
                o.string("last_name").orElse(null),
                o.string("position").or(() -> o.string("title")).orElse(null),
                o.string("work_email").or(() -> o.string("email")).orElse(null),
                o.string("generic_email").orElse(null),
                o.string("phone").map(List::of).orElse(List.of()),
                o.string("linkedin_url").or(() -> o.string("linkedin")).orElse(null),
                List.of(),
                o.document());
    }
}
