package io.columnline.application.tracking.service;

import io.columnline.application.prompts.memory.InMemoryPipelines;
import io.columnline.application.prompts.memory.InMemoryPrompts;
import io.columnline.application.prompts.service.PipelineService;
import io.columnline.application.prompts.service.PromptCatalog;
import io.columnline.application.publishing.memory.InMemoryBatches;
import io.columnline.application.publishing.service.BatchBook;
import io.columnline.application.shared.Fixtures;
import io.columnline.application.shared.InMemoryTransactions;
import io.columnline.application.shared.MutableClock;
import io.columnline.application.tenancy.memory.InMemoryClients;
import io.columnline.application.tenancy.port.in.ClientAccess;
import io.columnline.application.tenancy.service.ClientAccessService;
import io.columnline.application.tracking.contract.RunFixtures;
import io.columnline.application.tracking.memory.InMemoryModelPrices;
import io.columnline.application.tracking.memory.InMemoryRuns;
import io.columnline.application.tracking.memory.InMemoryStages;
import io.columnline.application.tracking.memory.InMemoryStepLog;
import io.columnline.application.tracking.port.in.RunAccess;
import io.columnline.application.tracking.port.in.StartRunUseCase;
import io.columnline.domain.access.ApiKeyId;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.run.CacheUse;
import io.columnline.domain.run.ModelPrice;
import io.columnline.domain.run.Run;
import java.math.BigDecimal;
import java.util.Optional;

/** The run services wired to in-memory adapters, with two clients and their keys. */
public class RunWorld {
    public final MutableClock clock = new MutableClock(Fixtures.NOW);
    public final InMemoryClients clients = new InMemoryClients();
    public final InMemoryRuns runs = new InMemoryRuns();
    public final InMemoryStages stages = new InMemoryStages();
    public final InMemoryStepLog steps = new InMemoryStepLog(runs);
    public final InMemoryModelPrices prices = new InMemoryModelPrices();
    public final InMemoryTransactions transactions = new InMemoryTransactions();
    public final InMemoryBatches batches = new InMemoryBatches(runs);
    public final InMemoryPrompts prompts = new InMemoryPrompts();
    public final InMemoryPipelines pipelines = new InMemoryPipelines();
    public final PipelineService pipelineService = new PipelineService(pipelines, transactions, clock);

    public final ClientAccess clientAccess = new ClientAccessService(clients);
    public final RunAccess runAccess = new RunAccessService(runs, steps);
    public final RunDetailsReader reader =
            new RunDetailsReader(stages, steps, clientAccess, run -> CacheUse.NONE, clock);
    public final PriceBook priceBook = new PriceBook(prices, clock);
    public final BatchBook batchBook = new BatchBook(batches, clock);
    public final RunService runService =
            new RunService(runs, runAccess, clientAccess, reader, batchBook, pipelineService, transactions, clock);
    public final StageService stageService =
            new StageService(stages, runAccess, reader, pipelineService, transactions, clock);
    public final StepService stepService =
            new StepService(steps, runAccess, priceBook, new PromptCatalog(prompts, clock), transactions, clock);
    public final ModelPriceService priceService = new ModelPriceService(prices, priceBook, transactions, clock);

    public final Client acme = Fixtures.client("acme");
    public final Client beta = Fixtures.client("beta");
    public final Caller admin = new Caller.Admin(ApiKeyId.random());
    public final Caller acmeKey = new Caller.OfClient(ApiKeyId.random(), acme.id());
    public final Caller betaKey = new Caller.OfClient(ApiKeyId.random(), beta.id());

    public RunWorld() {
        clients.save(acme);
        clients.save(beta);
        prices.save(new ModelPrice("gpt-4o", new BigDecimal("2.5"), new BigDecimal("10"), Fixtures.NOW));
    }

    /** A running run of acme, started with acme's key. */
    public Run acmeRun() {
        return runService
                .start(new StartRunUseCase.Command(
                        acmeKey, Optional.empty(), RunFixtures.seed("Target Corp"), Optional.empty(), Optional.empty()))
                .run()
                .run();
    }
}
