package io.columnline.adapters.postgres;

import io.columnline.application.contract.IdempotencyRecordsContract;
import io.columnline.application.port.out.IdempotencyRecords;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiIdempotencyRecordsTest extends IdempotencyRecordsContract {
    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    protected IdempotencyRecords records() {
        return new JdbiIdempotencyRecords(DB.session());
    }
}
