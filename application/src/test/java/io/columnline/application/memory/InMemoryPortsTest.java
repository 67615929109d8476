package io.columnline.application.memory;

import io.columnline.application.contract.ApiKeysContract;
import io.columnline.application.contract.ClientsContract;
import io.columnline.application.contract.IdempotencyRecordsContract;
import io.columnline.application.contract.ModelPricesContract;
import io.columnline.application.contract.RunsContract;
import io.columnline.application.contract.StagesContract;
import io.columnline.application.contract.StepLogContract;
import io.columnline.application.port.out.ApiKeys;
import io.columnline.application.port.out.Clients;
import io.columnline.application.port.out.IdempotencyRecords;
import io.columnline.application.port.out.ModelPrices;
import io.columnline.application.port.out.Runs;
import io.columnline.application.port.out.Stages;
import io.columnline.application.port.out.StepLog;
import org.junit.jupiter.api.Nested;

/** The in-memory adapters pass the same contracts as the Postgres ones. */
class InMemoryPortsTest {
  @Nested
  class ClientsTest extends ClientsContract {
    private final InMemoryClients clients = new InMemoryClients();

    @Override
    protected Clients clients() {
      return clients;
    }
  }

  @Nested
  class ApiKeysTest extends ApiKeysContract {
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemoryApiKeys keys = new InMemoryApiKeys();

    @Override
    protected ApiKeys apiKeys() {
      return keys;
    }

    @Override
    protected Clients clients() {
      return clients;
    }
  }

  @Nested
  class IdempotencyRecordsTest extends IdempotencyRecordsContract {
    private final InMemoryIdempotencyRecords records = new InMemoryIdempotencyRecords();

    @Override
    protected IdempotencyRecords records() {
      return records;
    }
  }

  @Nested
  class RunsTest extends RunsContract {
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemoryRuns runs = new InMemoryRuns();

    @Override
    protected Runs runs() {
      return runs;
    }

    @Override
    protected Clients clients() {
      return clients;
    }
  }

  @Nested
  class StagesTest extends StagesContract {
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryStages stages = new InMemoryStages();

    @Override
    protected Stages stages() {
      return stages;
    }

    @Override
    protected Runs runs() {
      return runs;
    }

    @Override
    protected Clients clients() {
      return clients;
    }
  }

  @Nested
  class StepLogTest extends StepLogContract {
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryStepLog steps = new InMemoryStepLog(runs);

    @Override
    protected StepLog steps() {
      return steps;
    }

    @Override
    protected Runs runs() {
      return runs;
    }

    @Override
    protected Clients clients() {
      return clients;
    }
  }

  @Nested
  class ModelPricesTest extends ModelPricesContract {
    private final InMemoryModelPrices prices = new InMemoryModelPrices();

    @Override
    protected ModelPrices prices() {
      return prices;
    }
  }
}
