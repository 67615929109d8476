package io.columnline.adapters.http.prospects;

import com.fasterxml.jackson.databind.JsonNode;
import io.columnline.adapters.http.shared.ListBody;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.adapters.http.shared.SharedViews;
import io.columnline.adapters.http.shared.SharedViews.ContactView;
import io.columnline.application.prospects.port.in.RunContactsUseCase;
import io.columnline.application.tracking.port.in.RunAccess;
import io.columnline.domain.dossier.ContactDraft;
import io.columnline.domain.error.Invalid;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The people a run found (the seed's v2_contacts), stored as the client's contacts. */
final class RunContactRoutes implements Routes {
    private final RunContactsUseCase contacts;

    private final RunAccess runs;

    @Inject
    RunContactRoutes(RunContactsUseCase contacts, RunAccess runs) {
        this.contacts = contacts;
        this.runs = runs;
    }

    record ContactBody(
            String fullName,
            String firstName,
            String lastName,
            String position,
            String workEmail,
            String genericEmail,
            List<String> phoneNumbers,
            String linkedinUrl,
            List<String> sourceUrls,
            JsonNode aiResearchData) {}

    record AddBody(List<ContactBody> contacts) {}

    record SavedView(boolean created, ContactView contact) {}

    @Override
    public void register(Router router) {
        router.post("/api/v1/runs/{id}/contacts", r -> {
            AddBody body = r.body(AddBody.class);
            if (body.contacts() == null) {
                throw new Invalid("contacts", "is required: an array of contacts, each with at least full_name");
            }
            List<ContactDraft> drafts = new ArrayList<>();
            for (ContactBody c : body.contacts()) {
                drafts.add(
                        c == null
                                ? null
                                : new ContactDraft(
                                        c.fullName(),
                                        c.firstName(),
                                        c.lastName(),
                                        c.position(),
                                        c.workEmail(),
                                        c.genericEmail(),
                                        c.phoneNumbers(),
                                        c.linkedinUrl(),
                                        c.sourceUrls(),
                                        SharedViews.document(c.aiResearchData())));
            }
            var saved = contacts.add(r.caller(), runs.resolve(r.caller(), r.path("id")), drafts);
            boolean anyCreated = saved.stream().anyMatch(RunContactsUseCase.Saved::created);
            return Response.of(
                    anyCreated ? 201 : 200,
                    ListBody.all(saved.stream()
                            .map(s -> new SavedView(s.created(), ContactView.from(s.contact())))
                            .toList()));
        });
        router.get(
                "/api/v1/runs/{id}/contacts",
                r -> Response.ok(ListBody.all(
                        contacts.ofRun(r.caller(), runs.resolve(r.caller(), r.path("id"))).stream()
                                .map(ContactView::from)
                                .toList())));
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/run-contacts.json");
    }
}
