package io.columnline.domain.batch;

/**
 * A batch's progress, read from its runs as they are now, so it is exact by construction: every
 * run that started counts, a failed run counts as failed, a published one as a dossier published.
 * The batch is complete when every run it counts failed or was published, and in progress again
 * when another run of its day starts.
 */
public record BatchCounts(long runsStarted, long runsFailed, long dossiersPublished) {
    public static final BatchCounts NONE = new BatchCounts(0, 0, 0);

    public BatchCounts {
        if (runsStarted < 0
                || runsFailed < 0
                || dossiersPublished < 0
                || runsFailed + dossiersPublished > runsStarted) {
            throw new IllegalArgumentException("a batch cannot count more outcomes than runs: " + runsStarted
                    + " started, " + runsFailed + " failed, " + dossiersPublished + " published");
        }
    }

    public BatchStatus status() {
        return runsStarted > 0 && runsInProgress() == 0 ? BatchStatus.COMPLETE : BatchStatus.IN_PROGRESS;
    }

    public long runsInProgress() {
        return runsStarted - runsFailed - dossiersPublished;
    }
}
