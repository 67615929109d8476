package io.columnline.application.publishing.memory;

import io.columnline.application.publishing.port.out.Reruns;
import io.columnline.domain.dossier.Rerun;
import io.columnline.domain.run.RunId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryReruns implements Reruns {
    private final Map<RunId, Rerun> reruns = new ConcurrentHashMap<>();

    @Override
    public void insert(Rerun rerun) {
        if (reruns.putIfAbsent(rerun.run(), rerun) != null) {
            throw new IllegalStateException("run " + rerun.run() + " already reruns a dossier");
        }
    }

    @Override
    public Optional<Rerun> ofRun(RunId run) {
        return Optional.ofNullable(reruns.get(run));
    }
}
