package io.columnline.domain.dossier;

import io.columnline.domain.run.Wire;

/** A dossier waits for its release date, is released, or was replaced by a newer one for its company. */
public enum DossierStatus {
    SCHEDULED,
    RELEASED,
    SUPERSEDED;

    public String wire() {
        return Wire.name(this);
    }

    public static DossierStatus parse(String field, String value) {
        return Wire.parse(DossierStatus.class, field, value);
    }
}
