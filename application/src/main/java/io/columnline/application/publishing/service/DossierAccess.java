package io.columnline.application.publishing.service;

import io.columnline.application.publishing.port.out.Dossiers;
import io.columnline.domain.access.Caller;
import io.columnline.domain.dossier.Dossier;
import io.columnline.domain.dossier.DossierId;
import io.columnline.domain.error.NotFound;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Finds the dossier a caller names. Another client's dossier, and for a client key one that is not
 * released yet, is reported exactly like one that does not exist.
 */
public final class DossierAccess {
    private final Dossiers dossiers;

    @Inject
    public DossierAccess(Dossiers dossiers) {
        this.dossiers = dossiers;
    }

    public Dossier visible(Caller caller, DossierId id) {
        return visibleOrMissing(caller, id, dossiers.byId(id));
    }

    public Dossier locked(Caller caller, DossierId id) {
        return visibleOrMissing(caller, id, dossiers.lock(id));
    }

    /** Client keys see released dossiers only; admin keys see scheduled and superseded ones too. */
    public static boolean seesUnreleased(Caller caller) {
        return caller instanceof Caller.Admin;
    }

    public static boolean sees(Caller caller, Dossier dossier) {
        return caller.canSee(dossier.client()) && (seesUnreleased(caller) || dossier.isReleased());
    }

    private static Dossier visibleOrMissing(Caller caller, DossierId id, Optional<Dossier> dossier) {
        return dossier.filter(d -> sees(caller, d)).orElseThrow(() -> new NotFound("dossier", id));
    }
}
