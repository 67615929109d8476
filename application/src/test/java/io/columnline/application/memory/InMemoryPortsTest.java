package io.columnline.application.memory;

import io.columnline.application.contract.ApiKeysContract;
import io.columnline.application.contract.ClientsContract;
import io.columnline.application.contract.IdempotencyRecordsContract;
import io.columnline.application.contract.PromptsContract;
import io.columnline.application.contract.SectionDefinitionsContract;
import io.columnline.application.port.out.ApiKeys;
import io.columnline.application.port.out.Clients;
import io.columnline.application.port.out.IdempotencyRecords;
import io.columnline.application.port.out.Prompts;
import io.columnline.application.port.out.SectionDefinitions;
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
  class PromptsTest extends PromptsContract {
    private final InMemoryPrompts prompts = new InMemoryPrompts();

    @Override
    protected Prompts prompts() {
      return prompts;
    }
  }

  @Nested
  class SectionDefinitionsTest extends SectionDefinitionsContract {
    private final InMemorySectionDefinitions definitions = new InMemorySectionDefinitions();

    @Override
    protected SectionDefinitions definitions() {
      return definitions;
    }
  }
}
