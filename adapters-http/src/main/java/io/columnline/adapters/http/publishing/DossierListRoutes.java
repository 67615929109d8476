package io.columnline.adapters.http.publishing;

import io.columnline.adapters.http.publishing.DossierViews.ListView;
import io.columnline.adapters.http.shared.ListBody;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.application.publishing.port.in.DossierListsUseCase;
import jakarta.inject.Inject;
import java.util.Optional;

/** A client's dossier lists; the Inbox always exists. */
final class DossierListRoutes implements Routes {
    private final DossierListsUseCase lists;

    @Inject
    DossierListRoutes(DossierListsUseCase lists) {
        this.lists = lists;
    }

    record CreateBody(String client, String name) {}

    @Override
    public void register(Router router) {
        router.get(
                "/api/v1/lists",
                r -> Response.ok(ListBody.of(lists.lists(r.caller(), r.query("client"), r.page()), ListView::from)));
        router.post("/api/v1/lists", r -> {
            CreateBody b = r.body(CreateBody.class);
            var created = lists.create(r.caller(), Optional.ofNullable(b.client()), b.name());
            return Response.of(created.created() ? 201 : 200, ListView.from(created.list()));
        });
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/lists.json");
    }
}
