package io.columnline.application.tracking.service;

import io.columnline.application.prompts.port.in.PipelineDefinitions;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.shared.Transactions;
import io.columnline.application.tenancy.port.in.ClientAccess;
import io.columnline.application.tracking.port.in.FinishRunUseCase;
import io.columnline.application.tracking.port.in.ReadRunsUseCase;
import io.columnline.application.tracking.port.in.RunAccess;
import io.columnline.application.tracking.port.in.RunDetails;
import io.columnline.application.tracking.port.in.StartRunUseCase;
import io.columnline.application.tracking.port.in.UpdateRunUseCase;
import io.columnline.application.tracking.port.out.RunBatches;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.error.Conflict;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.json.JsonValue;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.RunPipeline;
import io.columnline.domain.run.Seed;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

public final class RunService implements StartRunUseCase, ReadRunsUseCase, FinishRunUseCase, UpdateRunUseCase {
    private final Runs runs;
    private final RunAccess access;
    private final ClientAccess clients;
    private final RunDetailsReader reader;
    private final RunBatches batches;
    private final PipelineDefinitions pipelines;
    private final Transactions transactions;
    private final Clock clock;

    @Inject
    public RunService(
            Runs runs,
            RunAccess access,
            ClientAccess clients,
            RunDetailsReader reader,
            RunBatches batches,
            PipelineDefinitions pipelines,
            Transactions transactions,
            Clock clock) {
        this.pipelines = pipelines;
        this.runs = runs;
        this.access = access;
        this.clients = clients;
        this.reader = reader;
        this.batches = batches;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Started start(StartRunUseCase.Command command) {
        return transactions.inTransaction(() -> {
            Client client = clients.named(command.caller(), command.client())
                    .orElseThrow(() -> new Invalid(
                            "client", "is required with an admin key: the slug of the client the run is for"));
            if (command.externalId().isPresent()) {
                Optional<Run> earlier = runs.byExternalId(
                        client.id(), command.externalId().get().strip());
                if (earlier.isPresent()) {
                    if (!earlier.get().startedWith(command.seed(), command.pipelineVersion())) {
                        throw new Conflict(
                                "external_id '" + command.externalId().get().strip() + "' already names run "
                                        + earlier.get().id() + ", started with a different seed or pipeline_version");
                    }
                    return new Started(reader.details(earlier.get(), client.slug()), false);
                }
            }
            Run run = Run.start(
                    RunId.random(),
                    client.id(),
                    command.seed(),
                    command.pipelineVersion(),
                    command.externalId(),
                    new Run.Launch(pipeline(client, command.pipeline()), command.triggeredBy(), command.inputData()),
                    clock.instant());
            runs.insert(run);
            batches.runStarted(client, run);
            return new Started(reader.fresh(run, client.slug()), true);
        });
    }

    /**
     * The pipeline named, else the client's default pipeline; else {@code default_pipeline} in its
     * profile's JSON, as clients named it before they carried a field of their own; else none.
     */
    private Optional<RunPipeline> pipeline(Client client, Optional<PipelineChoice> choice) {
        if (choice.isPresent()) {
            return Optional.of(pipelines.choose(
                    "pipeline", choice.get().key(), choice.get().version()));
        }
        if (client.defaultPipeline().isPresent()) {
            return Optional.of(pipelines.choose(
                    "client.default_pipeline", client.defaultPipeline().get().value(), Optional.empty()));
        }
        Optional<String> fallback;
        try {
            fallback = JsonValue.of(client.profile().icpConfig()) instanceof JsonValue.Obj o
                    ? o.string("default_pipeline")
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            fallback = Optional.empty();
        }
        return fallback.map(key -> pipelines.choose("client.default_pipeline", key, Optional.empty()));
    }

    @Override
    public RunDetails nameCompany(Caller caller, RunId id, Seed seed) {
        return transactions.inTransaction(() -> {
            Run run = access.locked(caller, id);
            Run named = run.withSeed(seed);
            if (!named.equals(run)) {
                runs.update(named);
            }
            return reader.details(named);
        });
    }

    @Override
    public RunDetails startAgain(Client client, RunId original) {
        Run earlier = runs.byId(original).orElseThrow(() -> new IllegalStateException("run " + original + " is gone"));
        Run run = Run.start(
                RunId.random(),
                client.id(),
                earlier.seed(),
                Optional.of(earlier.pipelineVersion()),
                Optional.empty(),
                new Run.Launch(
                        earlier.pipeline(),
                        earlier.launch().triggeredBy(),
                        earlier.launch().inputData()),
                clock.instant());
        runs.insert(run);
        batches.runStarted(client, run);
        return reader.fresh(run, client.slug());
    }

    @Override
    public RunDetails get(Caller caller, RunId id) {
        return transactions.inTransaction(() -> reader.details(access.visible(caller, id)));
    }

    @Override
    public Page<ListedRun> list(Caller caller, ReadRunsUseCase.Query query, PageRequest page) {
        return transactions.inTransaction(() -> {
            Optional<ClientId> only = clients.named(caller, query.client()).map(Client::id);
            Page<Run> found = runs.list(
                    new Runs.Query(
                            only,
                            query.status(),
                            query.since(),
                            query.until(),
                            query.pipelineVersion().map(String::strip).filter(v -> !v.isEmpty()),
                            query.company().map(String::strip).filter(c -> !c.isEmpty()),
                            query.externalId()),
                    page);
            Map<ClientId, ClientSlug> slugs = new HashMap<>();
            return found.map(run -> new ListedRun(
                    run,
                    slugs.computeIfAbsent(run.client(), id -> clients.byId(id).slug()),
                    reader.totals(run)));
        });
    }

    @Override
    public RunDetails complete(Caller caller, RunId id, Optional<JsonDocument> outputData) {
        return transactions.inTransaction(() -> {
            Run run = access.locked(caller, id);
            Run completed = run.complete(outputData, clock.instant());
            if (!completed.equals(run)) {
                runs.update(completed);
            }
            return reader.details(completed);
        });
    }

    @Override
    public RunDetails fail(Caller caller, RunId id, String error) {
        return transactions.inTransaction(() -> {
            Run run = access.locked(caller, id);
            Run failed = run.fail(error, clock.instant());
            if (!failed.equals(run)) {
                runs.update(failed);
            }
            return reader.details(failed);
        });
    }
}
