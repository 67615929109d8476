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
 * after the client's local day its runs started on. It is visible while in progress: every run
 * that starts counts, and a run's outcome (failed, or published as a dossier) counts once. It is
 * complete when every run it counted has an outcome, and in progress again when another starts.
 */
public record Batch(
    BatchId id,
    ClientId client,
    String name,
    LocalDate day,
    String pipelineVersion,
    long runsStarted,
    long runsFailed,
    long dossiersPublished,
    Instant createdAt,
    Instant updatedAt) {

  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  public Batch {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(pipelineVersion, "pipelineVersion");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (runsStarted < 0 || runsFailed < 0 || dossiersPublished < 0 || runsFailed + dossiersPublished > runsStarted) {
      throw new IllegalArgumentException("a batch cannot count more outcomes than runs: " + runsStarted + " started, "
          + runsFailed + " failed, " + dossiersPublished + " published");
    }
  }

  /** The client's local day the run started on. */
  public static LocalDate dayOf(Run run, Client client) {
    return LocalDate.ofInstant(run.startedAt(), client.timezone());
  }

  public static String name(String pipelineVersion, LocalDate day) {
    return pipelineVersion.toUpperCase(Locale.ROOT) + "_" + DAY.format(day);
  }

  /** The batch of a run's day, before it counts anything. */
  public static Batch open(BatchId id, Run run, Client client, Instant now) {
    LocalDate day = dayOf(run, client);
    return new Batch(id, client.id(), name(run.pipelineVersion(), day), day, run.pipelineVersion(), 0, 0, 0, now, now);
  }

  public BatchStatus status() {
    return runsStarted > 0 && runsFailed + dossiersPublished == runsStarted ? BatchStatus.COMPLETE : BatchStatus.IN_PROGRESS;
  }

  public long runsInProgress() {
    return runsStarted - runsFailed - dossiersPublished;
  }

  public Batch runStarted(Instant now) {
    return new Batch(id, client, name, day, pipelineVersion, runsStarted + 1, runsFailed, dossiersPublished, createdAt, now);
  }

  public Batch runFailed(Instant now) {
    return new Batch(id, client, name, day, pipelineVersion, runsStarted, runsFailed + 1, dossiersPublished, createdAt, now);
  }

  public Batch dossierPublished(Instant now) {
    return new Batch(id, client, name, day, pipelineVersion, runsStarted, runsFailed, dossiersPublished + 1, createdAt, now);
  }
}
