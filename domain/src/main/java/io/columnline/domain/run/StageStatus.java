package io.columnline.domain.run;

public enum StageStatus {
    RUNNING,
    SUCCESS,
    FAILURE,
    RETRY,
    SKIPPED;

    public String wire() {
        return Wire.name(this);
    }

    /** Failure and retry leave the stage open to another attempt; success and skipped close it. */
    public boolean allowsAnotherAttempt() {
        return this == FAILURE || this == RETRY;
    }

    public static StageStatus parse(String field, String value) {
        return Wire.parse(StageStatus.class, field, value);
    }
}
