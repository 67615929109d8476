package io.columnline.domain.run;

public enum StepStatus {
    SUCCESS,
    FAILURE,
    /** Prepared by the server and not completed yet; failed as {@code timed out} when left too long. */
    RUNNING;

    public String wire() {
        return Wire.name(this);
    }

    public static StepStatus parse(String field, String value) {
        return Wire.parse(StepStatus.class, field, value);
    }
}
