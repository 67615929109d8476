package io.columnline.application.memory;

import io.columnline.application.contract.ApiKeysContract;
import io.columnline.application.contract.Fixtures;
import io.columnline.application.contract.ProspectImportsContract;
import io.columnline.application.contract.ProspectsContract;
import io.columnline.application.port.out.AiInteractions;
import io.columnline.application.contract.ClientsContract;
import io.columnline.application.contract.IdempotencyRecordsContract;
import io.columnline.application.port.out.ApiKeys;
import io.columnline.application.port.out.Clients;
import io.columnline.application.port.out.Companies;
import io.columnline.application.port.out.Contacts;
import io.columnline.application.port.out.IdempotencyRecords;
import io.columnline.application.port.out.ProspectImports;
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
  class ProspectImportsTest extends ProspectImportsContract {
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemoryCompanies companies = new InMemoryCompanies();
    private final InMemoryContacts contacts = new InMemoryContacts(companies);
    private final InMemoryProspectImports imports =
        new InMemoryProspectImports(companies, contacts, new MutableClock(Fixtures.NOW));

    @Override
    protected ProspectImports imports() {
      return imports;
    }

    @Override
    protected Companies companies() {
      return companies;
    }

    @Override
    protected Contacts contacts() {
      return contacts;
    }

    @Override
    protected Clients clients() {
      return clients;
    }
  }

  @Nested
  class ProspectsTest extends ProspectsContract {
    private final InMemoryClients clients = new InMemoryClients();
    private final InMemoryCompanies companies = new InMemoryCompanies();
    private final InMemoryContacts contacts = new InMemoryContacts(companies);
    private final InMemoryAiInteractions interactions = new InMemoryAiInteractions();

    @Override
    protected Companies companies() {
      return companies;
    }

    @Override
    protected Contacts contacts() {
      return contacts;
    }

    @Override
    protected AiInteractions interactions() {
      return interactions;
    }

    @Override
    protected Clients clients() {
      return clients;
    }
  }
}
