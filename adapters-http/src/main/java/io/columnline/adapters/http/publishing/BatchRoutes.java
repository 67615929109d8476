package io.columnline.adapters.http.publishing;

import io.columnline.adapters.http.publishing.DossierViews.BatchDetailsView;
import io.columnline.adapters.http.publishing.DossierViews.BatchView;
import io.columnline.adapters.http.shared.ListBody;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.application.publishing.port.in.ReadBatchesUseCase;
import io.columnline.domain.batch.BatchId;
import io.columnline.domain.batch.BatchStatus;
import jakarta.inject.Inject;
import java.util.Optional;

final class BatchRoutes implements Routes {
    private final ReadBatchesUseCase batches;

    @Inject
    BatchRoutes(ReadBatchesUseCase batches) {
        this.batches = batches;
    }

    @Override
    public void register(Router router) {
        router.get(
                "/api/v1/batches",
                r -> Response.ok(ListBody.of(
                        batches.list(
                                r.caller(),
                                new ReadBatchesUseCase.Query(
                                        r.query("client"), r.query("status").map(s -> BatchStatus.parse("status", s))),
                                r.page()),
                        BatchView::from)));
        router.get(
                "/api/v1/batches/{id}",
                r -> Response.ok(BatchDetailsView.from(
                        batches.get(r.caller(), new BatchId(r.pathId("id", "batch")), r.page()))));
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/batches.json");
    }
}
