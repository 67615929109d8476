package io.columnline.application.tracking.service;

import io.columnline.application.prompts.port.in.PipelineDefinitions;
import io.columnline.application.prompts.port.in.SectionCatalog;
import io.columnline.application.prompts.port.in.StepPrompts;
import io.columnline.application.shared.JsonSchemaValidator;
import io.columnline.application.shared.Transactions;
import io.columnline.application.tenancy.port.in.ClientAccess;
import io.columnline.application.tracking.port.in.RunAccess;
import io.columnline.application.tracking.port.in.StepLoopUseCase;
import io.columnline.application.tracking.port.out.FoundContacts;
import io.columnline.application.tracking.port.out.Runs;
import io.columnline.application.tracking.port.out.StepLog;
import io.columnline.application.tracking.port.out.StepLog.Appended;
import io.columnline.application.tracking.port.out.StepLog.Appending;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.dossier.ContactDraft;
import io.columnline.domain.error.Conflict;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.json.JsonValue;
import io.columnline.domain.json.JsonValue.Obj;
import io.columnline.domain.json.JsonValue.Str;
import io.columnline.domain.pipeline.PipelineDefinition;
import io.columnline.domain.pipeline.PipelineDefinition.Effect;
import io.columnline.domain.prompt.PromptContent;
import io.columnline.domain.run.CostSource;
import io.columnline.domain.run.ProviderResponse;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.RunPipeline;
import io.columnline.domain.run.Seed;
import io.columnline.domain.run.Step;
import io.columnline.domain.run.StepEntry;
import io.columnline.domain.run.StepStatus;
import io.columnline.domain.section.SectionDefinition;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prepare and complete over a run's pipeline definition. Every call is one transaction that holds
 * the run's status (FOR SHARE) while it reads and writes the run's steps.
 */
public final class StepLoopService implements StepLoopUseCase {
    /** Concurrent prepares of one step key race for the next attempt number; the loser takes the next. */
    private static final int ATTEMPT_TRIES = 20;

    private final StepLog log;
    private final Runs runs;
    private final RunAccess access;
    private final ClientAccess clients;
    private final PipelineDefinitions pipelines;
    private final StepPrompts prompts;
    private final SectionCatalog sections;
    private final JsonSchemaValidator validator;
    private final FoundContacts contacts;
    private final PriceBook prices;
    private final Transactions transactions;
    private final java.time.Clock clock;

    @Inject
    public StepLoopService(
            StepLog log,
            Runs runs,
            RunAccess access,
            ClientAccess clients,
            PipelineDefinitions pipelines,
            StepPrompts prompts,
            SectionCatalog sections,
            JsonSchemaValidator validator,
            FoundContacts contacts,
            PriceBook prices,
            Transactions transactions,
            java.time.Clock clock) {
        this.log = log;
        this.runs = runs;
        this.access = access;
        this.clients = clients;
        this.pipelines = pipelines;
        this.prompts = prompts;
        this.sections = sections;
        this.validator = validator;
        this.contacts = contacts;
        this.prices = prices;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A run with its pipeline's definition, when it follows one. */
    private record Followed(Run run, Optional<RunPipeline> pipeline, Optional<PipelineDefinition> definition) {
        /** The step as prepare needs it: defined by the run's pipeline, else 404 (409 without a pipeline). */
        PipelineDefinition.Step step(String key) {
            RunPipeline followed = pipeline.orElseThrow(() -> new Conflict("run " + run.id()
                    + " follows no pipeline definition, so the server cannot prepare a step; start the run with"
                    + " \"pipeline\", or log its steps with POST /api/v1/runs/" + run.id() + "/steps"));
            return defined(key)
                    .orElseThrow(() -> new NotFound(
                            "step of pipeline " + followed.key() + " v" + followed.version(),
                            key.toLowerCase(Locale.ROOT)));
        }

        Optional<PipelineDefinition.Step> defined(String key) {
            return definition.flatMap(d -> d.step(key));
        }

        String stage(PipelineDefinition.Step step) {
            return step.stage()
                    .flatMap(s -> definition.flatMap(d -> d.stageName(s)))
                    .orElse("pipeline");
        }
    }

    private Followed followed(Caller caller, RunId id, String action) {
        return followed(caller, id, action, false);
    }

    /**
     * {@code exclusive} takes the run's update lock at once instead of its share lock: a completion
     * that names the run's company updates the run, and two transactions that each held the share
     * lock and then asked for the update lock would deadlock.
     */
    /** Whether completing any of these steps may name the run's company: read before any lock is taken. */
    private boolean namesCompany(Caller caller, RunId id, List<Completion> completions) {
        Run seen = access.visible(caller, id);
        if (seen.seed().hasCompany() || seen.pipeline().isEmpty()) {
            return false;
        }
        PipelineDefinition definition = pipelines.definition(seen.pipeline().get());
        return completions.stream()
                .flatMap(c -> definition.step(c.stepKey().strip()).stream())
                .anyMatch(s -> s.effects().stream().anyMatch(e -> e instanceof Effect.Seed));
    }

    private Followed followed(Caller caller, RunId id, String action, boolean exclusive) {
        Run run = exclusive ? access.locked(caller, id) : access.lockedShared(caller, id);
        run.requireRunning(action);
        Optional<RunPipeline> pipeline = run.pipeline();
        return new Followed(run, pipeline, pipeline.map(pipelines::definition));
    }

    @Override
    public Prepared prepare(Caller caller, RunId id, Preparation preparation) {
        String instance = instance(preparation.instance());
        return transactions.inTransaction(() -> prepare(followed(caller, id, "prepare a step"), preparation, instance));
    }

    private Prepared prepare(Followed f, Preparation preparation, String instance) {
        PipelineDefinition.Step step = f.step(preparation.stepKey());
        Client client = clients.byId(f.run().client());
        Instant now = clock.instant();
        var inputs = StepInputs.assemble(
                step, instance, f.run(), client, log.latestSucceeded(f.run(), step.dependsOn()), now);
        if (!inputs.missing().isEmpty()) {
            throw new Conflict("step " + step.key() + " of run " + f.run().id() + " cannot be prepared: required inputs"
                    + " are missing: " + String.join("; ", inputs.missing()));
        }
        StepPrompts.Chosen prompt = prompts.chosen(step.promptKey(), step.promptLabel())
                .orElseThrow(() -> new Conflict("step " + step.key() + " runs prompt " + step.promptKey()
                        + step.promptLabel()
                                .map(l -> " (label " + l.value() + ")")
                                .orElse(" (label production)")
                        + ", which is not saved; PUT /api/v1/prompts/" + step.promptKey() + " first"));
        String filled = fill(step, prompt.content(), inputs.values());
        Optional<String> model = step.model().or(() -> prompt.content().model());
        JsonDocument params = step.modelParams().equals(JsonDocument.EMPTY_OBJECT)
                ? prompt.content().modelParams()
                : step.modelParams();
        JsonDocument input = inputs.object().document();
        Step running = appendRunning(
                f,
                step.key(),
                f.stage(step),
                Optional.of(prompt.key().value()),
                Optional.of(prompt.version()),
                model,
                Optional.of(input),
                instance);
        return new Prepared(
                step.key(),
                instance,
                running.entry().attempt(),
                new PreparedPrompt(prompt.key().value(), Optional.of(prompt.version()), filled),
                model,
                params,
                input,
                step.stage(),
                running);
    }

    /** Fills the template as render does; a variable no input provides is a missing input. */
    private static String fill(PipelineDefinition.Step step, PromptContent content, Map<String, JsonValue> values) {
        Map<String, String> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, value.asText()));
        List<String> unfilled = content.template().variables().stream()
                .filter(v -> !variables.containsKey(v))
                .toList();
        if (!unfilled.isEmpty()) {
            throw new Conflict("step " + step.key() + " cannot be prepared: its prompt uses "
                    + String.join(
                            ", ", unfilled.stream().map(v -> "{{" + v + "}}").toList())
                    + ", which no input of the step provides");
        }
        return content.template().render(variables);
    }

    @Override
    public Completed complete(Caller caller, RunId id, Completion completion) {
        String instance = instance(completion.instance());
        return transactions.inTransaction(() -> {
            boolean exclusive = namesCompany(caller, id, List.of(completion));
            return complete(caller, followed(caller, id, "complete a step", exclusive), completion, instance);
        });
    }

    @Override
    public Transitioned transition(Caller caller, RunId id, Completion completion, List<Preparation> next) {
        String instance = instance(completion.instance());
        List<String> nextInstances =
                next.stream().map(p -> instance(p.instance())).toList();
        return transactions.inTransaction(() -> {
            Followed f = followed(caller, id, "complete a step", namesCompany(caller, id, List.of(completion)));
            Completed completed = complete(caller, f, completion, instance);
            Followed after = new Followed(access.lockedShared(caller, id), f.pipeline(), f.definition());
            List<Prepared> prepared = new ArrayList<>();
            for (int i = 0; i < next.size(); i++) {
                prepared.add(prepare(after, next.get(i), nextInstances.get(i)));
            }
            return new Transitioned(completed, prepared);
        });
    }

    @Override
    public List<Prepared> prepareAll(Caller caller, RunId id, List<Preparation> preparations) {
        List<String> instances =
                preparations.stream().map(p -> instance(p.instance())).toList();
        return transactions.inTransaction(() -> {
            Followed f = followed(caller, id, "prepare a step");
            List<Prepared> prepared = new ArrayList<>();
            for (int i = 0; i < preparations.size(); i++) {
                prepared.add(prepare(f, preparations.get(i), instances.get(i)));
            }
            return prepared;
        });
    }

    @Override
    public List<Completed> completeAll(Caller caller, RunId id, List<Completion> completions) {
        List<String> instances =
                completions.stream().map(c -> instance(c.instance())).toList();
        return transactions.inTransaction(() -> {
            boolean exclusive = namesCompany(caller, id, completions);
            List<Completed> completed = new ArrayList<>();
            for (int i = 0; i < completions.size(); i++) {
                // each completion sees the run as the ones before it left it (a seed effect names the company)
                Followed f = followed(caller, id, "complete a step", exclusive);
                completed.add(complete(caller, f, completions.get(i), instances.get(i)));
            }
            return completed;
        });
    }

    @Override
    public Step begin(Caller caller, RunId id, Beginning beginning) {
        String instance = instance(beginning.instance());
        return transactions.inTransaction(() -> {
            Followed f = followed(caller, id, "log a step");
            String key = key(beginning.stepKey());
            Optional<Step> running = log.running(f.run(), key, instance);
            if (running.isPresent()) {
                return running.get();
            }
            Optional<PipelineDefinition.Step> step = f.defined(key);
            Optional<String> model = beginning.model().or(() -> step.flatMap(PipelineDefinition.Step::model));
            Optional<String> prompt = step.map(s -> s.promptKey().value());
            String stage = step.map(f::stage).orElse("pipeline");
            return appendRunning(f, key, stage, prompt, Optional.empty(), model, beginning.input(), instance);
        });
    }

    /** Records the next attempt of the step key as {@code running}; concurrent callers each get their own. */
    private Step appendRunning(
            Followed f,
            String key,
            String stage,
            Optional<String> promptKey,
            Optional<Integer> promptVersion,
            Optional<String> model,
            Optional<JsonDocument> input,
            String instance) {
        Instant now = clock.instant();
        for (int tries = 0; tries < ATTEMPT_TRIES; tries++) {
            int attempt = log.lastAttempt(f.run(), key) + 1;
            var entry = new StepEntry(
                    key,
                    attempt,
                    stage,
                    Optional.empty(),
                    promptKey,
                    promptVersion,
                    model,
                    input,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    StepStatus.RUNNING,
                    Optional.empty(),
                    instance);
            Step candidate = new Step(f.run().id(), f.run().client(), entry, Optional.empty(), CostSource.NONE, now);
            Appended appended = appended(f.run().id(), log.append(List.of(candidate)));
            if (appended.created()) {
                return appended.stored();
            }
        }
        throw new Conflict("step " + key + " is being prepared by too many callers at once; try again");
    }

    private Completed complete(Caller caller, Followed f, Completion c, String given) {
        String key = key(c.stepKey());
        Optional<PipelineDefinition.Step> step = f.defined(key);
        if (c.output() == null) {
            throw new Invalid("output", "is required: the step's output, or the whole provider response");
        }
        StepStatus status = c.status()
                .map(s -> StepStatus.parse("status", s))
                .orElse(c.error().isPresent() ? StepStatus.FAILURE : StepStatus.SUCCESS);
        if (status == StepStatus.RUNNING) {
            throw new Invalid("status", "a step completes with success or failure; prepare makes it running");
        }
        Instant now = clock.instant();
        List<String> warnings = new ArrayList<>();
        if (step.isEmpty()) {
            warnings.add(f.pipeline()
                            .map(p -> "step " + key + " is not in pipeline " + p.key() + " v" + p.version())
                            .orElse("run " + f.run().id() + " follows no pipeline")
                    + ": stored without effects");
        }
        Optional<Step> running = c.attempt().isPresent()
                ? log
                        .find(
                                f.run().client(),
                                f.run().id(),
                                List.of(new StepEntry.StepRef(key, c.attempt().get())))
                        .stream()
                        .filter(s -> s.entry().status() == StepStatus.RUNNING)
                        .findFirst()
                : log.running(f.run(), key, given);
        String instance = running.map(r -> r.entry().instance()).orElse(given);
        Optional<Step> replayed = running.isPresent() ? Optional.empty() : sameFinished(f, key, instance, c, status);
        ProviderResponse response = ProviderResponse.read(Optional.of(c.output()));
        Optional<Long> latency = c.latencyMs()
                .or(response::latencyMs)
                .or(() -> running.map(r -> Duration.between(r.loggedAt(), now).toMillis()));
        Step stored = replayed.orElse(null);
        if (running.isPresent()) {
            Step finished =
                    finished(f, key, step, running.get().entry().attempt(), running, c, status, latency, instance);
            finished = new Step(
                    finished.run(),
                    finished.client(),
                    finished.entry(),
                    finished.costUsd(),
                    finished.costSource(),
                    running.get().loggedAt(),
                    finished.warning());
            if (log.finish(finished)) {
                stored = finished;
            }
        }
        boolean prepared = stored != null;
        for (int tries = 0; stored == null; tries++) {
            if (tries == ATTEMPT_TRIES) {
                throw new Conflict("step " + key + " is being completed by too many callers at once; try again");
            }
            int attempt = log.lastAttempt(f.run(), key) + 1;
            Step fresh = finished(f, key, step, attempt, Optional.empty(), c, status, latency, instance);
            Appended appended = appended(f.run().id(), log.append(List.of(fresh)));
            if (appended.created()) {
                stored = appended.stored();
                warnings.add("step " + key + (instance.isEmpty() ? "" : " instance " + instance)
                        + " had no running attempt (it was never prepared, or it timed out): stored as attempt "
                        + attempt);
            }
        }
        if (replayed.isPresent()) {
            warnings.add("step " + key + " attempt " + stored.entry().attempt()
                    + " was completed with this output before: answered as stored, nothing written");
        }
        stored.warning().ifPresent(warnings::add);
        Optional<JsonValue> clean = stored.entry().output().map(o -> ProviderResponse.clean(JsonValue.of(o)));
        Optional<JsonDocument> items = Optional.empty();
        List<JsonDocument> people = new ArrayList<>();
        if (status == StepStatus.SUCCESS && clean.isPresent() && step.isPresent()) {
            items = effects(caller, f, step.get(), clean.get(), people, warnings, replayed.isPresent());
        }
        Set<String> succeeded = log.succeededKeys(f.run());
        Run run = status == StepStatus.SUCCESS ? runs.byId(f.run().id()).orElse(f.run()) : f.run();
        Client client = clients.byId(run.client());
        List<String> ready = f.definition().stream()
                .flatMap(d -> d.steps().stream())
                .filter(s -> !succeeded.contains(s.key()))
                .filter(s -> StepInputs.ready(s, run, client, succeeded, now))
                .map(PipelineDefinition.Step::key)
                .toList();
        return new Completed(stored, clean.map(JsonValue::document), items, people, ready, warnings, prepared);
    }

    /**
     * The newest attempt of the step key and instance when it is finished with this very output and
     * status: a completion sent again, whose first answer the caller did not get.
     */
    private Optional<Step> sameFinished(Followed f, String key, String instance, Completion c, StepStatus status) {
        int last = log.lastAttempt(f.run(), key);
        if (last == 0) {
            return Optional.empty();
        }
        return log.find(f.run().client(), f.run().id(), List.of(new StepEntry.StepRef(key, last))).stream()
                .filter(s -> s.entry().instance().equals(instance))
                .filter(s -> s.entry().status() == status)
                .filter(s -> s.entry()
                        .output()
                        .map(o -> JsonValue.of(o).equals(JsonValue.of(c.output())))
                        .orElse(false))
                .findFirst();
    }

    private Step finished(
            Followed f,
            String key,
            Optional<PipelineDefinition.Step> step,
            int attempt,
            Optional<Step> running,
            Completion c,
            StepStatus status,
            Optional<Long> latency,
            String instance) {
        Optional<StepEntry> was = running.map(Step::entry);
        var entry = new StepEntry(
                key,
                attempt,
                was.map(StepEntry::stage).orElseGet(() -> step.map(f::stage).orElse("pipeline")),
                Optional.empty(),
                was.flatMap(StepEntry::promptKey)
                        .or(() -> step.map(s -> s.promptKey().value())),
                was.flatMap(StepEntry::promptVersion),
                was.flatMap(StepEntry::model).or(() -> step.flatMap(PipelineDefinition.Step::model)),
                was.flatMap(StepEntry::input),
                Optional.of(c.output()),
                c.tokensInput(),
                c.tokensOutput(),
                c.costUsd(),
                latency,
                status,
                c.error(),
                instance);
        if (ProviderResponse.read(entry.output()).model().isPresent()) {
            // the model the provider says it ran wins over the one the definition asked for
            entry = withModel(entry, Optional.empty());
        }
        return Step.log(f.run().id(), f.run().client(), entry, prices.current(), clock.instant());
    }

    private static String key(String stepKey) {
        return stepKey.strip().toLowerCase(Locale.ROOT);
    }

    private static StepEntry withModel(StepEntry e, Optional<String> model) {
        return new StepEntry(
                e.stepKey(),
                e.attempt(),
                e.stage(),
                e.section(),
                e.promptKey(),
                e.promptVersion(),
                model,
                e.input(),
                e.output(),
                e.tokensInput(),
                e.tokensOutput(),
                e.costUsd(),
                e.latencyMs(),
                e.status(),
                e.error(),
                e.instance());
    }

    /** Applies the step's effects to its clean content; answers the items to iterate, if any. */
    private Optional<JsonDocument> effects(
            Caller caller,
            Followed f,
            PipelineDefinition.Step step,
            JsonValue clean,
            List<JsonDocument> people,
            List<String> warnings,
            boolean replay) {
        Optional<JsonDocument> items = Optional.empty();
        Map<String, List<Obj>> peopleAt = new LinkedHashMap<>();
        for (Effect effect : step.effects()) {
            switch (effect) {
                case Effect.Section section -> checkSection(section, clean, warnings);
                case Effect.Contacts found -> {
                    List<Obj> kept = contacts(caller, f.run(), found, clean, warnings, replay);
                    peopleAt.put(found.pointer(), kept);
                    kept.forEach(o -> people.add(o.document()));
                }
                case Effect.Seed seed -> {
                    if (!replay) {
                        nameCompany(caller, f.run(), seed, clean, warnings);
                    }
                }
                case Effect.Items list -> {
                    List<Obj> filtered = peopleAt.get(list.pointer());
                    Optional<JsonValue> value = clean.at(list.pointer());
                    if (filtered != null) {
                        items = Optional.of(new JsonValue.Arr(List.copyOf(filtered)).document());
                    } else if (value.isPresent() && value.get() instanceof JsonValue.Arr) {
                        items = Optional.of(value.get().document());
                    } else {
                        warnings.add("items: the output has no array at " + list.pointer());
                    }
                }
            }
        }
        return items;
    }

    /** Publish reads the section from the step; here it is checked early, so the caller hears of a broken one now. */
    private void checkSection(Effect.Section section, JsonValue clean, List<String> warnings) {
        String key = section.section().value();
        Optional<JsonValue> value = clean.at(section.pointer().orElse(""));
        if (value.isEmpty()) {
            warnings.add("section " + key + ": the output has nothing at "
                    + section.pointer().orElse("its root"));
            return;
        }
        Optional<SectionDefinition> definition = sections.all().stream()
                .filter(d -> d.key().equals(section.section()))
                .findFirst();
        if (definition.isEmpty()) {
            warnings.add("section " + key + " has no section definition; publish will leave it out");
            return;
        }
        validator
                .validate(definition.get().schema(), value.get().document())
                .forEach(problem -> warnings.add(
                        "section " + key + problem.pointer() + ": " + problem.message() + " (publish will refuse it)"));
    }

    /** The people the output names; stored as the run's contacts unless this is a replay, which stored them before. */
    private List<Obj> contacts(
            Caller caller, Run run, Effect.Contacts found, JsonValue clean, List<String> warnings, boolean replay) {
        Optional<JsonValue> at = clean.at(found.pointer());
        if (at.isEmpty() || !(at.get() instanceof JsonValue.Arr)) {
            warnings.add("contacts: the output has no array at " + found.pointer());
            return List.of();
        }
        List<Obj> kept = new ArrayList<>();
        List<ContactDraft> drafts = new ArrayList<>();
        for (Obj person : People.of(at.get(), found.peopleOnly())) {
            ContactDraft draft = People.draft(person);
            try {
                ContactDraft.check(List.of(draft));
                drafts.add(draft);
                kept.add(person);
            } catch (Invalid e) {
                warnings.add("contacts: left out " + People.name(person).orElse("a person without a name") + ": "
                        + e.getMessage());
            }
        }
        if (!drafts.isEmpty() && !replay) {
            contacts.addFound(caller, run.id(), drafts);
        }
        return kept;
    }

    /** A discovery run's company, once a step has found it; a run whose company is named keeps it. */
    private void nameCompany(Caller caller, Run run, Effect.Seed seed, JsonValue clean, List<String> warnings) {
        if (run.seed().hasCompany()) {
            return;
        }
        Optional<String> name = clean.at(seed.companyName()).flatMap(StepLoopService::text);
        Optional<String> domain = seed.domain().flatMap(clean::at).flatMap(StepLoopService::text);
        if (name.isEmpty() || domain.isEmpty()) {
            warnings.add("seed: the output names no company at " + seed.companyName()
                    + seed.domain().map(d -> " and " + d).orElse("") + "; the run's company is still unknown");
            return;
        }
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        if (JsonValue.of(run.seed().document()) instanceof Obj o) {
            fields.putAll(o.fields());
        }
        fields.put("company_name", new Str(name.get()));
        fields.put("domain", new Str(domain.get()));
        try {
            Seed named = new Seed(name.get(), domain.get(), run.seed().companyId(), new Obj(fields).document());
            Run locked = access.locked(caller, run.id());
            runs.update(locked.withSeed(named));
        } catch (Invalid e) {
            warnings.add("seed: " + e.getMessage());
        }
    }

    private static Optional<String> text(JsonValue value) {
        return value instanceof Str s && !s.value().isBlank() ? Optional.of(s.value()) : Optional.empty();
    }

    private static Appended appended(RunId id, Appending appending) {
        return switch (appending) {
            case Appending.Done done -> done.steps().get(0);
            case Appending.NoRun none -> throw new NotFound("run", id);
            case Appending.RunFinished finished -> throw Run.notRunning(id, finished.status(), "writing a step");
            case Appending.Clashed clashed -> throw new IllegalStateException("a single step cannot clash");
        };
    }

    private static String instance(Optional<String> instance) {
        if (instance.isEmpty() || instance.get().isBlank()) {
            return StepEntry.NO_INSTANCE;
        }
        String value = instance.get().strip();
        if (value.length() > 500) {
            throw new Invalid("instance", "must be at most 500 characters");
        }
        return value;
    }
}
