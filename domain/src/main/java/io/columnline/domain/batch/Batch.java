package io.columnline.domain.batch;

import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.run.Run;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * The group a client's dossiers of one day are released in, named {@code {PIPELINE_VERSION}_{YYYYMMDD}}
 * after the client's local day its runs started on. The day's first run creates it; every run of
 * the day belongs to it, and its counts ({@link BatchCounts}) are read from those runs.
 */
public record Batch(
        BatchId id, ClientId client, String name, LocalDate day, String pipelineVersion, Instant createdAt) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    public Batch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(pipelineVersion, "pipelineVersion");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The client's local day the run started on. */
    public static LocalDate dayOf(Run run, Client client) {
        return LocalDate.ofInstant(run.startedAt(), client.timezone());
    }

    public static String name(String pipelineVersion, LocalDate day) {
        return pipelineVersion.toUpperCase(Locale.ROOT) + "_" + DAY.format(day);
    }

    /** The batch of a run's day. */
    public static Batch open(BatchId id, Run run, Client client, Instant now) {
        LocalDate day = dayOf(run, client);
        return new Batch(id, client.id(), name(run.pipelineVersion(), day), day, run.pipelineVersion(), now);
    }
}
