package io.columnline.adapters.http.publishing;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.columnline.adapters.http.shared.ListBody;
import io.columnline.adapters.http.shared.SharedViews.ContactView;
import io.columnline.application.publishing.port.in.DossierDetails;
import io.columnline.application.publishing.port.in.ListedDossier;
import io.columnline.application.publishing.port.in.ReadBatchesUseCase.BatchDetails;
import io.columnline.application.publishing.port.in.ReadBatchesUseCase.ListedBatch;
import io.columnline.domain.batch.Batch;
import io.columnline.domain.batch.BatchCounts;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.dossier.Company;
import io.columnline.domain.dossier.Dossier;
import io.columnline.domain.dossier.DossierId;
import io.columnline.domain.dossier.DossierList;
import io.columnline.domain.dossier.DossierSection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** How dossiers, lists and batches look on the wire; section content is written as stored. */
final class DossierViews {
    private DossierViews() {}

    record CompanyView(String name, String domain, String companyId) {
        static CompanyView from(Company c) {
            return new CompanyView(c.name(), c.domain(), c.companyId().orElse(null));
        }
    }

    record BatchRef(String id, String name) {}

    record ListRef(String id, String name) {
        static ListRef from(DossierList l) {
            return new ListRef(l.id().toString(), l.name());
        }
    }

    record SectionView(
            String key,
            String title,
            int position,
            @JsonRawValue String content,
            String stepKey,
            int stepAttempt) {
        static SectionView from(DossierSection s) {
            return new SectionView(
                    s.key().value(),
                    s.title(),
                    s.position(),
                    s.content().text(),
                    s.writtenBy().stepKey(),
                    s.writtenBy().attempt());
        }
    }

    /** {@code updated} is true for a dossier that replaced an earlier one: the app's "Updated" badge. */
    record DossierView(
            String id,
            String externalId,
            String client,
            String clientId,
            String runId,
            String status,
            boolean updated,
            CompanyView company,
            String pipelineVersion,
            BatchRef batch,
            LocalDate releaseDate,
            Instant releasedAt,
            String supersedesDossierId,
            String supersededByDossierId,
            List<ListRef> lists,
            List<SectionView> sections,
            List<ContactView> contacts,
            Instant createdAt,
            Instant updatedAt) {
        /** The listed dossier's fields (one mapping for both), then its sections and contacts. */
        static DossierView from(DossierDetails details) {
            ListedDossierView l = ListedDossierView.from(new ListedDossier(
                    details.dossier(), details.client(), details.batch().name(), details.lists()));
            return new DossierView(
                    l.id(),
                    l.externalId(),
                    l.client(),
                    l.clientId(),
                    l.runId(),
                    l.status(),
                    l.updated(),
                    l.company(),
                    l.pipelineVersion(),
                    l.batch(),
                    l.releaseDate(),
                    l.releasedAt(),
                    l.supersedesDossierId(),
                    l.supersededByDossierId(),
                    l.lists(),
                    details.sections().stream().map(SectionView::from).toList(),
                    details.contacts().stream().map(ContactView::from).toList(),
                    l.createdAt(),
                    l.updatedAt());
        }
    }

    /** {@code externalId} is the dossier id its run's scenario carried (the origin's {@code DOSS_…}), if any. */
    record ListedDossierView(
            String id,
            String externalId,
            String client,
            String clientId,
            String runId,
            String status,
            boolean updated,
            CompanyView company,
            String pipelineVersion,
            BatchRef batch,
            LocalDate releaseDate,
            Instant releasedAt,
            String supersedesDossierId,
            String supersededByDossierId,
            List<ListRef> lists,
            Instant createdAt,
            Instant updatedAt) {
        static ListedDossierView from(ListedDossier listed) {
            Dossier d = listed.dossier();
            return new ListedDossierView(
                    d.id().toString(),
                    d.externalId().orElse(null),
                    listed.client().value(),
                    d.client().toString(),
                    d.run().toString(),
                    d.status().wire(),
                    d.isUpdate(),
                    CompanyView.from(d.company()),
                    d.pipelineVersion(),
                    new BatchRef(d.batch().toString(), listed.batchName()),
                    d.releaseDate().orElse(null),
                    d.releasedAt().orElse(null),
                    d.supersedes().map(DossierId::toString).orElse(null),
                    d.supersededBy().map(DossierId::toString).orElse(null),
                    listed.lists().stream().map(ListRef::from).toList(),
                    d.createdAt(),
                    d.updatedAt());
        }
    }

    record ListView(String id, String clientId, String name, boolean inbox, Instant createdAt) {
        static ListView from(DossierList l) {
            return new ListView(l.id().toString(), l.client().toString(), l.name(), l.isInbox(), l.createdAt());
        }
    }

    record MembershipView(String dossierId, List<ListRef> lists) {}

    record BatchView(
            String id,
            String client,
            String clientId,
            String name,
            LocalDate day,
            String pipelineVersion,
            String status,
            long runsStarted,
            long runsFailed,
            long dossiersPublished,
            long runsInProgress,
            Instant createdAt) {
        static BatchView from(Batch b, BatchCounts c, ClientSlug client) {
            return new BatchView(
                    b.id().toString(),
                    client.value(),
                    b.client().toString(),
                    b.name(),
                    b.day(),
                    b.pipelineVersion(),
                    c.status().wire(),
                    c.runsStarted(),
                    c.runsFailed(),
                    c.dossiersPublished(),
                    c.runsInProgress(),
                    b.createdAt());
        }

        static BatchView from(ListedBatch listed) {
            return from(listed.batch(), listed.counts(), listed.client());
        }
    }

    record BatchDetailsView(
            String id,
            String client,
            String clientId,
            String name,
            LocalDate day,
            String pipelineVersion,
            String status,
            long runsStarted,
            long runsFailed,
            long dossiersPublished,
            long runsInProgress,
            Instant createdAt,
            ListBody<ListedDossierView> dossiers) {
        static BatchDetailsView from(BatchDetails details) {
            BatchView b = BatchView.from(details.batch(), details.counts(), details.client());
            return new BatchDetailsView(
                    b.id(),
                    b.client(),
                    b.clientId(),
                    b.name(),
                    b.day(),
                    b.pipelineVersion(),
                    b.status(),
                    b.runsStarted(),
                    b.runsFailed(),
                    b.dossiersPublished(),
                    b.runsInProgress(),
                    b.createdAt(),
                    ListBody.of(details.dossiers(), ListedDossierView::from));
        }
    }
}
