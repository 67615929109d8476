package io.columnline.application.tracking.memory;

import io.columnline.application.tracking.port.out.Stages;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.Stage;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryStages implements Stages {
    private record Id(RunId run, String name) {}

    private final Map<Id, Stage> stages = new ConcurrentHashMap<>();

    @Override
    public Optional<Stage> lock(Run run, String name) {
        return Optional.ofNullable(stages.get(new Id(run.id(), name)));
    }

    @Override
    public void save(Stage stage) {
        stages.put(new Id(stage.run(), stage.name()), stage);
    }

    @Override
    public List<Stage> ofRun(Run run) {
        return stages.values().stream()
                .filter(s -> s.run().equals(run.id()))
                .sorted(Comparator.comparing(Stage::startedAt).thenComparing(Stage::name))
                .toList();
    }
}
