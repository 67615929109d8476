package io.columnline.domain.batch;

import io.columnline.domain.run.Wire;

public enum BatchStatus {
    IN_PROGRESS,
    COMPLETE;

    public String wire() {
        return Wire.name(this);
    }

    public static BatchStatus parse(String field, String value) {
        return Wire.parse(BatchStatus.class, field, value);
    }
}
