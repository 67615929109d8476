package io.columnline.application.knowledge.memory;

import io.columnline.application.knowledge.contract.InsightsContract;
import io.columnline.application.knowledge.port.out.Insights;
import io.columnline.application.tenancy.memory.InMemoryClients;
import io.columnline.application.tenancy.port.out.Clients;

/** The in-memory adapter against the same contract as the Postgres one. */
class InMemoryInsightsTest extends InsightsContract {
    private final InMemoryInsights insights = new InMemoryInsights();
    private final InMemoryClients clients = new InMemoryClients();

    @Override
    protected Insights insights() {
        return insights;
    }

    @Override
    protected Clients clients() {
        return clients;
    }
}
