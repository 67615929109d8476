package io.columnline.application.publishing.service;

import io.columnline.application.publishing.port.in.ReleaseDossiersUseCase;
import io.columnline.application.publishing.port.out.Dossiers;
import io.columnline.application.shared.Transactions;
import io.columnline.domain.dossier.Dossier;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Releases due dossiers a bounded number per transaction, so a large backlog never holds many
 * locks for long; instances running it side by side skip each other's dossiers.
 */
public final class ReleaseService implements ReleaseDossiersUseCase {
    private static final int PER_TRANSACTION = 200;

    private final Dossiers dossiers;
    private final Transactions transactions;
    private final Clock clock;

    @Inject
    public ReleaseService(Dossiers dossiers, Transactions transactions, Clock clock) {
        this.dossiers = dossiers;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public int releaseDue() {
        int released = 0;
        while (true) {
            int now = transactions.inTransaction(() -> {
                Instant at = clock.instant();
                List<Dossier> due = dossiers.claimDueForRelease(at, PER_TRANSACTION);
                due.forEach(d -> dossiers.update(d.release(at)));
                return due.size();
            });
            released += now;
            if (now < PER_TRANSACTION) {
                return released;
            }
        }
    }
}
