package io.columnline.application.shared;

/** The in-memory adapter against the same contract as the Postgres one. */
class InMemoryIdempotencyRecordsTest extends IdempotencyRecordsContract {
    private final InMemoryIdempotencyRecords records = new InMemoryIdempotencyRecords();

    @Override
    protected IdempotencyRecords records() {
        return records;
    }
}
