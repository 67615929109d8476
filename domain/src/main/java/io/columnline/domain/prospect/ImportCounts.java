package io.columnline.domain.prospect;

/**
 * What an import did with the rows it read: every row read is exactly one of inserted, updated,
 * unchanged, rejected, or a duplicate that a later row of the same file replaced.
 */
public record ImportCounts(
        long read, long inserted, long updated, long unchanged, long rejected, long duplicatesInFile) {}
