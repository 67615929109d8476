package io.columnline.domain.dossier;

import io.columnline.domain.batch.BatchId;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.error.Conflict;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The published research on one company for one client. It is released at once, or scheduled
 * for the start of its release date in the client's time zone; a newer dossier for the same
 * company supersedes it, and the two link each other so the chain can be walked both ways.
 * Clients see a dossier once it has been released ({@code released_at} set), also after it was
 * superseded, which is what the app's "updated" badge shows.
 */
public record Dossier(
        DossierId id,
        ClientId client,
        RunId run,
        BatchId batch,
        Company company,
        String pipelineVersion,
        DossierStatus status,
        Optional<LocalDate> releaseDate,
        Optional<Instant> releaseAt,
        Optional<Instant> releasedAt,
        Optional<DossierId> supersedes,
        Optional<DossierId> supersededBy,
        String publishedWith,
        Instant createdAt,
        Instant updatedAt,
        Optional<String> externalId) {

    public Dossier {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(pipelineVersion, "pipelineVersion");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(releaseDate, "releaseDate");
        Objects.requireNonNull(releaseAt, "releaseAt");
        Objects.requireNonNull(releasedAt, "releasedAt");
        Objects.requireNonNull(supersedes, "supersedes");
        Objects.requireNonNull(supersededBy, "supersededBy");
        Objects.requireNonNull(publishedWith, "publishedWith");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(externalId, "externalId");
    }

    /**
     * The dossier a run becomes, under the dossier id its scenario carried ({@code DOSS_…}) when it
     * carried one: released now, or scheduled when its release date is after today in
     * the client's time zone.
     */
    public static Dossier publish(
            DossierId id,
            Run run,
            Client client,
            BatchId batch,
            PublishOptions options,
            Optional<DossierId> supersedes,
            Instant now) {
        LocalDate today = LocalDate.ofInstant(now, client.timezone());
        boolean later = options.releaseDate().map(date -> date.isAfter(today)).orElse(false);
        Optional<Instant> releaseAt = later
                ? options.releaseDate()
                        .map(date -> date.atStartOfDay(client.timezone()).toInstant())
                : Optional.empty();
        return new Dossier(
                id,
                client.id(),
                run.id(),
                batch,
                Company.of(run.seed()),
                run.pipelineVersion(),
                later ? DossierStatus.SCHEDULED : DossierStatus.RELEASED,
                options.releaseDate(),
                releaseAt,
                later ? Optional.empty() : Optional.of(now),
                supersedes,
                Optional.empty(),
                options.fingerprint(),
                now,
                now,
                run.carriedDossierId());
    }

    /** Scheduled or released: not yet replaced by a newer dossier. */
    public boolean isLive() {
        return status != DossierStatus.SUPERSEDED;
    }

    /** A dossier that replaced an earlier one shows as updated. */
    public boolean isUpdate() {
        return supersedes.isPresent();
    }

    /** Client keys see released dossiers only (the roadmap's {@code released_at <= now()}). */
    public boolean isReleased() {
        return releasedAt.isPresent();
    }

    public boolean isDueForRelease(Instant now) {
        return status == DossierStatus.SCHEDULED
                && releaseAt.map(at -> !at.isAfter(now)).orElse(true);
    }

    /** Whether publishing its run again with these options asks for exactly this dossier. */
    public boolean publishedWith(PublishOptions options) {
        return publishedWith.equals(options.fingerprint());
    }

    public Dossier supersededBy(DossierId newer, Instant now) {
        if (!isLive()) {
            throw new Conflict("dossier " + id + " is already superseded by dossier "
                    + supersededBy.map(DossierId::toString).orElse("?")
                    + "; supersede the newest dossier of the chain instead");
        }
        return new Dossier(
                id,
                client,
                run,
                batch,
                company,
                pipelineVersion,
                DossierStatus.SUPERSEDED,
                releaseDate,
                releaseAt,
                releasedAt,
                supersedes,
                Optional.of(newer),
                publishedWith,
                createdAt,
                now,
                externalId);
    }

    /** Releases a scheduled dossier; any other answers unchanged. */
    public Dossier release(Instant now) {
        if (status != DossierStatus.SCHEDULED) {
            return this;
        }
        return new Dossier(
                id,
                client,
                run,
                batch,
                company,
                pipelineVersion,
                DossierStatus.RELEASED,
                releaseDate,
                releaseAt,
                Optional.of(now),
                supersedes,
                supersededBy,
                publishedWith,
                createdAt,
                now,
                externalId);
    }

    /** A change of list membership is a change of the dossier for readers polling {@code updated_since}. */
    public Dossier touched(Instant now) {
        return new Dossier(
                id,
                client,
                run,
                batch,
                company,
                pipelineVersion,
                status,
                releaseDate,
                releaseAt,
                releasedAt,
                supersedes,
                supersededBy,
                publishedWith,
                createdAt,
                now,
                externalId);
    }
}
