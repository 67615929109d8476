package io.columnline.domain.run;

public enum StepStatus {
    SUCCESS,
    FAILURE;

    public String wire() {
        return Wire.name(this);
    }

    public static StepStatus parse(String field, String value) {
        return Wire.parse(StepStatus.class, field, value);
    }
}
