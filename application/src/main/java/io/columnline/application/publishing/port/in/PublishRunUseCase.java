package io.columnline.application.publishing.port.in;

import io.columnline.domain.access.Caller;
import io.columnline.domain.dossier.PublishOptions;
import io.columnline.domain.run.RunId;

/**
 * Publishes a run as a dossier, all or nothing: the dossier with its sections, its lists, the
 * supersedes links, the batch's count and the run's status are written together or not at all.
 * Publishing a published run again with the same options answers the same dossier.
 */
public interface PublishRunUseCase {
    Published publish(Caller caller, RunId run, PublishOptions options);

    /** {@code created} is false when the run had been published before. */
    record Published(DossierDetails dossier, boolean created) {}
}
