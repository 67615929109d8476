package io.columnline.application.prospects.port.in;

import io.columnline.domain.access.Caller;
import io.columnline.domain.dossier.ContactDraft;
import io.columnline.domain.prospect.Contact;
import io.columnline.domain.run.RunId;
import java.util.List;

/** The people a run found; publishing the run attaches them to its dossier. */
public interface RunContactsUseCase {
    /**
     * Adds the contacts to the run, all or none; the same person (by work e-mail, else full name) is
     * updated, not added again. Answers each contact as stored now, in the order sent.
     */
    List<Saved> add(Caller caller, RunId run, List<ContactDraft> contacts);

    /** Oldest first. */
    List<Contact> ofRun(Caller caller, RunId run);

    record Saved(Contact contact, boolean created) {}
}
