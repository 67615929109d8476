package io.columnline.adapters.postgres.shared;

import io.columnline.application.shared.IdempotencyRecords;
import io.columnline.application.shared.IdempotencyRecordsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiIdempotencyRecordsTest extends IdempotencyRecordsContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected IdempotencyRecords records() {
        return new JdbiIdempotencyRecords(DB.session());
    }
}
