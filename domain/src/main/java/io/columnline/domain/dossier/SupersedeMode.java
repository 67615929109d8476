package io.columnline.domain.dossier;

import io.columnline.domain.run.Wire;

/** {@code auto} replaces the company's newest live dossier; {@code none} leaves every dossier as it is. */
public enum SupersedeMode {
    AUTO,
    NONE;

    public String wire() {
        return Wire.name(this);
    }

    public static SupersedeMode parse(String field, String value) {
        return Wire.parse(SupersedeMode.class, field, value);
    }
}
