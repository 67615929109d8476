package io.columnline.adapters.http.publishing;

import io.columnline.adapters.http.publishing.DossierViews.DossierView;
import io.columnline.adapters.http.publishing.DossierViews.ListRef;
import io.columnline.adapters.http.publishing.DossierViews.ListedDossierView;
import io.columnline.adapters.http.publishing.DossierViews.MembershipView;
import io.columnline.adapters.http.shared.ListBody;
import io.columnline.adapters.http.shared.Request;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.application.publishing.port.in.DossierListsUseCase;
import io.columnline.application.publishing.port.in.ExportDossiersUseCase;
import io.columnline.application.publishing.port.in.PublishRunUseCase;
import io.columnline.application.publishing.port.in.ReadDossiersUseCase;
import io.columnline.application.tracking.port.in.RunAccess;
import io.columnline.domain.dossier.DossierId;
import io.columnline.domain.dossier.DossierList;
import io.columnline.domain.dossier.DossierStatus;
import io.columnline.domain.dossier.ListId;
import io.columnline.domain.dossier.PublishOptions;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Publishing runs, reading dossiers and their history, list memberships and the CSV export. */
final class DossierRoutes implements Routes {
    private final PublishRunUseCase publish;
    private final ReadDossiersUseCase read;
    private final DossierListsUseCase lists;
    private final ExportDossiersUseCase export;

    private final RunAccess runs;

    @Inject
    DossierRoutes(
            PublishRunUseCase publish,
            ReadDossiersUseCase read,
            DossierListsUseCase lists,
            ExportDossiersUseCase export,
            RunAccess runs) {
        this.runs = runs;
        this.publish = publish;
        this.read = read;
        this.lists = lists;
        this.export = export;
    }

    record PublishBody(String releaseDate, List<String> listIds, String supersede, String supersedesDossierId) {}

    @Override
    public void register(Router router) {
        router.postQueued("/api/v1/runs/{id}/publish", r -> {
            PublishBody b = r.bodyOrEmpty(PublishBody.class);
            var published = publish.publish(
                    r.caller(),
                    runs.resolve(r.caller(), r.path("id")),
                    PublishOptions.of(b.releaseDate(), b.listIds(), b.supersede(), b.supersedesDossierId()));
            return Response.of(published.created() ? 201 : 200, DossierView.from(published.dossier()));
        });
        router.get(
                "/api/v1/dossiers",
                r -> Response.ok(ListBody.of(
                        read.list(
                                r.caller(),
                                new ReadDossiersUseCase.Query(
                                        r.query("client"),
                                        r.query("batch"),
                                        r.query("list"),
                                        status(r),
                                        r.query("company_domain"),
                                        r.query("pipeline_version"),
                                        r.queryInstant("updated_since")),
                                r.page()),
                        ListedDossierView::from)));
        router.get("/api/v1/dossiers/export.csv", this::export);
        router.get("/api/v1/dossiers/{id}", r -> Response.ok(DossierView.from(read.get(r.caller(), dossierId(r)))));
        router.get(
                "/api/v1/dossiers/{id}/history",
                r -> Response.ok(ListBody.all(read.history(r.caller(), dossierId(r)).stream()
                        .map(ListedDossierView::from)
                        .toList())));
        router.put(
                "/api/v1/dossiers/{id}/lists/{list_id}",
                r -> membership(r, lists.add(r.caller(), dossierId(r), listId(r))));
        router.delete(
                "/api/v1/dossiers/{id}/lists/{list_id}",
                r -> membership(r, lists.remove(r.caller(), dossierId(r), listId(r))));
    }

    private Response export(Request r) {
        var csv = export.export(
                r.caller(),
                new ExportDossiersUseCase.Query(r.query("client"), r.query("batch"), r.query("list"), status(r)));
        return Response.streamed(
                "text/csv; charset=utf-8",
                Map.of("Content-Disposition", "attachment; filename=\"" + csv.fileName() + "\""),
                out -> csv.writeTo(new BufferedOutputStream(out, 1 << 16)));
    }

    private static Response membership(Request r, List<DossierList> onLists) {
        return Response.ok(new MembershipView(
                dossierId(r).toString(), onLists.stream().map(ListRef::from).toList()));
    }

    private static Optional<DossierStatus> status(Request r) {
        return r.query("status").map(s -> DossierStatus.parse("status", s));
    }

    static DossierId dossierId(Request r) {
        return new DossierId(r.pathId("id", "dossier"));
    }

    private static ListId listId(Request r) {
        return new ListId(r.pathId("list_id", "list"));
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/dossiers.json");
    }
}
