package io.columnline.domain.dossier;

import io.columnline.domain.error.Violations;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.prospect.BadValue;
import io.columnline.domain.prospect.Contact;
import io.columnline.domain.prospect.FieldValues;
import io.columnline.domain.prospect.ProspectKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A person a run found, as the scenario sends it (the seed's {@code v2_contacts}). It is stored as
 * a contact of the client; the same person (by work e-mail, else by full name) is updated, never
 * added twice. Fields left out or null keep what is stored.
 */
public record ContactDraft(
        String fullName,
        String firstName,
        String lastName,
        String position,
        String workEmail,
        String genericEmail,
        List<String> phoneNumbers,
        String linkedinUrl,
        List<String> sourceUrls,
        JsonDocument aiResearchData) {

    public static final int MAX_BATCH = 500;
    private static final int MAX_TEXT = 2_000;
    private static final int MAX_ITEMS = 100;

    /** Checks every draft; each problem is named by its position, e.g. {@code contacts[2].work_email}. */
    public static List<FieldValues> check(List<ContactDraft> drafts) {
        var problems = new Violations();
        if (drafts == null || drafts.isEmpty()) {
            problems.add("contacts", "must contain at least one contact");
        } else if (drafts.size() > MAX_BATCH) {
            problems.add("contacts", "may contain at most " + MAX_BATCH + " contacts, got " + drafts.size());
        }
        problems.throwIfAny();
        List<FieldValues> checked = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            String at = "contacts[" + i + "]";
            ContactDraft draft = drafts.get(i);
            if (draft == null) {
                problems.add(at, "must be a contact object, not null");
                continue;
            }
            checked.add(draft.values(at, problems));
        }
        problems.throwIfAny();
        return checked;
    }

    private FieldValues values(String at, Violations problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        text(values, problems, at, "full_name", fullName);
        if (fullName == null || fullName.isBlank()) {
            problems.add(at + ".full_name", "is required: the person's name as found");
        }
        text(values, problems, at, "first_name", firstName);
        text(values, problems, at, "last_name", lastName);
        text(values, problems, at, "position", position);
        text(values, problems, at, "work_email", workEmail);
        text(values, problems, at, "generic_email", genericEmail);
        text(values, problems, at, "linkedin_url", linkedinUrl);
        list(values, problems, at, "phone_numbers", phoneNumbers);
        list(values, problems, at, "source_urls", sourceUrls);
        if (aiResearchData != null) {
            values.put("ai_research_data", aiResearchData);
        }
        return new FieldValues(values);
    }

    private static void text(Map<String, Object> values, Violations problems, String at, String name, String raw) {
        if (raw == null) {
            return;
        }
        if (raw.length() > MAX_TEXT) {
            problems.add(at + "." + name, "must be at most " + MAX_TEXT + " characters");
            return;
        }
        try {
            Object value = ProspectKind.CONTACTS.field(name).orElseThrow().parse(raw);
            if (value != null) {
                values.put(name, value);
            }
        } catch (BadValue e) {
            problems.add(at + "." + name, "'" + raw + "' " + e.getMessage());
        }
    }

    private static void list(
            Map<String, Object> values, Violations problems, String at, String name, List<String> raw) {
        if (raw == null) {
            return;
        }
        if (raw.size() > MAX_ITEMS) {
            problems.add(at + "." + name, "may hold at most " + MAX_ITEMS + " entries");
            return;
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String item = raw.get(i);
            if (item == null || item.isBlank() || item.length() > MAX_TEXT || item.indexOf('\0') >= 0) {
                problems.add(
                        at + "." + name + "[" + i + "]",
                        "must be non-empty text of at most " + MAX_TEXT + " characters");
            } else {
                items.add(item.strip());
            }
        }
        values.put(name, List.copyOf(items));
    }

    /** The work e-mail, lower-cased: the first way to tell two contacts are one person. */
    public static Optional<String> emailKey(FieldValues values) {
        return values.text("work_email").filter(e -> !e.isBlank()).map(e -> e.toLowerCase(Locale.ROOT));
    }

    /** The normalised full name: how a person without a work e-mail is recognised. */
    public static Optional<String> nameKey(FieldValues values) {
        return values.text("full_name").filter(n -> !n.isBlank()).map(Company::normalizeName);
    }

    /**
     * Whether the values describe the stored contact's person: the same work e-mail, or else the
     * same name where at most one side has an e-mail.
     */
    public static boolean samePerson(Contact stored, FieldValues values) {
        Optional<String> email = emailKey(values);
        Optional<String> storedEmail = emailKey(stored.values());
        if (email.isPresent() && storedEmail.isPresent()) {
            return email.equals(storedEmail);
        }
        return nameKey(values).isPresent() && nameKey(values).equals(nameKey(stored.values()));
    }
}
