package io.columnline.domain.run;

public enum RunStatus {
    RUNNING,
    COMPLETED,
    FAILED,
    PUBLISHED;

    public String wire() {
        return Wire.name(this);
    }

    public static RunStatus parse(String field, String value) {
        return Wire.parse(RunStatus.class, field, value);
    }
}
