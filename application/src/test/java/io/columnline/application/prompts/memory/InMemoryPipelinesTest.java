package io.columnline.application.prompts.memory;

import io.columnline.application.prompts.contract.PipelinesContract;
import io.columnline.application.prompts.port.out.Pipelines;

/** The in-memory adapter against the same contract as the Postgres one. */
class InMemoryPipelinesTest extends PipelinesContract {
    private final InMemoryPipelines pipelines = new InMemoryPipelines();

    @Override
    protected Pipelines pipelines() {
        return pipelines;
    }
}
