package io.columnline.application.service;

import io.columnline.application.contract.Fixtures;
import io.columnline.application.contract.RunFixtures;
import io.columnline.application.memory.InMemoryBatches;
import io.columnline.application.memory.InMemoryClients;
import io.columnline.application.memory.InMemoryModelPrices;
import io.columnline.application.memory.InMemoryPrompts;
import io.columnline.application.memory.InMemoryRuns;
import io.columnline.application.memory.InMemoryStages;
import io.columnline.application.memory.InMemoryStepLog;
import io.columnline.application.memory.InMemoryTransactions;
import io.columnline.application.memory.MutableClock;
import io.columnline.application.port.in.StartRunUseCase;
import io.columnline.domain.access.ApiKeyId;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.run.ModelPrice;
import io.columnline.domain.run.Run;
import java.math.BigDecimal;
import java.util.Optional;

/** The run services wired to in-memory adapters, with two clients and their keys. */
class RunWorld {
    final MutableClock clock = new MutableClock(Fixtures.NOW);
    final InMemoryClients clients = new InMemoryClients();
    final InMemoryRuns runs = new InMemoryRuns();
    final InMemoryStages stages = new InMemoryStages();
    final InMemoryStepLog steps = new InMemoryStepLog(runs);
    final InMemoryModelPrices prices = new InMemoryModelPrices();
    final InMemoryTransactions transactions = new InMemoryTransactions();
    final InMemoryBatches batches = new InMemoryBatches(runs);
    final InMemoryPrompts prompts = new InMemoryPrompts();

    final ClientAccess clientAccess = new ClientAccess(clients);
    final RunAccess runAccess = new RunAccess(runs);
    final RunDetailsReader reader = new RunDetailsReader(stages, steps, clientAccess, clock);
    final PriceBook priceBook = new PriceBook(prices, clock);
    final BatchBook batchBook = new BatchBook(batches, clock);
    final RunService runService = new RunService(runs, runAccess, clientAccess, reader, batchBook, transactions, clock);
    final StageService stageService = new StageService(stages, runAccess, reader, transactions, clock);
    final StepService stepService =
            new StepService(steps, runAccess, priceBook, new PromptCatalog(prompts), transactions, clock);
    final ModelPriceService priceService = new ModelPriceService(prices, priceBook, transactions, clock);

    final Client acme = Fixtures.client("acme");
    final Client beta = Fixtures.client("beta");
    final Caller admin = new Caller.Admin(ApiKeyId.random());
    final Caller acmeKey = new Caller.OfClient(ApiKeyId.random(), acme.id());
    final Caller betaKey = new Caller.OfClient(ApiKeyId.random(), beta.id());

    RunWorld() {
        clients.save(acme);
        clients.save(beta);
        prices.save(new ModelPrice("gpt-4o", new BigDecimal("2.5"), new BigDecimal("10"), Fixtures.NOW));
    }

    /** A running run of acme, started with acme's key. */
    Run acmeRun() {
        return runService
                .start(new StartRunUseCase.Command(
                        acmeKey, Optional.empty(), RunFixtures.seed("Target Corp"), Optional.empty(), Optional.empty()))
                .run()
                .run();
    }
}
