package io.columnline.application.publishing.service;

import io.columnline.application.prompts.port.in.SectionCatalog;
import io.columnline.application.publishing.port.in.DossierDetails;
import io.columnline.application.publishing.port.in.PublishRunUseCase;
import io.columnline.application.publishing.port.out.Dossiers;
import io.columnline.application.publishing.port.out.Publications;
import io.columnline.application.publishing.port.out.Publications.Publication;
import io.columnline.application.publishing.port.out.Publications.Subject;
import io.columnline.application.shared.JsonSchemaValidator;
import io.columnline.application.shared.JsonSchemaValidator.SchemaProblem;
import io.columnline.application.shared.Transactions;
import io.columnline.application.tracking.port.in.RunAccess;
import io.columnline.domain.access.Caller;
import io.columnline.domain.batch.Batch;
import io.columnline.domain.client.Client;
import io.columnline.domain.dossier.Company;
import io.columnline.domain.dossier.Dossier;
import io.columnline.domain.dossier.DossierId;
import io.columnline.domain.dossier.DossierList;
import io.columnline.domain.dossier.DossierSection;
import io.columnline.domain.dossier.ListId;
import io.columnline.domain.dossier.PublishOptions;
import io.columnline.domain.dossier.Rerun;
import io.columnline.domain.dossier.SupersedeMode;
import io.columnline.domain.error.Conflict;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.error.Violations;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.prospect.Contact;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import io.columnline.domain.run.RunStatus;
import io.columnline.domain.run.Step;
import io.columnline.domain.section.SectionDefinition;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One transaction writes the dossier, its sections, list memberships, the supersedes links, the
 * run's contacts (attached to the dossier) and the run's status; a failure anywhere leaves none of
 * it. The run row is locked first, so two publishes of one run follow each other; publishes of one
 * company wait for each other before they look for the dossier to supersede, so the chain stays
 * linear. The batch's counts are read from its runs, so publishing writes nothing shared by a day.
 */
public final class PublishService implements PublishRunUseCase {
    private final RunAccess runs;
    private final SectionCatalog sections;
    private final JsonSchemaValidator validator;
    private final Dossiers dossiers;
    private final ListAccess listAccess;
    private final Publications publications;
    private final BatchBook batches;
    private final DossierReader reader;
    private final Transactions transactions;
    private final Clock clock;

    @Inject
    public PublishService(
            RunAccess runs,
            SectionCatalog sections,
            JsonSchemaValidator validator,
            Dossiers dossiers,
            ListAccess listAccess,
            Publications publications,
            BatchBook batches,
            DossierReader reader,
            Transactions transactions,
            Clock clock) {
        this.runs = runs;
        this.sections = sections;
        this.validator = validator;
        this.dossiers = dossiers;
        this.listAccess = listAccess;
        this.publications = publications;
        this.batches = batches;
        this.reader = reader;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Published publish(Caller caller, RunId runId, PublishOptions options) {
        return transactions.inTransaction(() -> {
            Subject subject = publications
                    .lockSubject(runId)
                    .filter(s -> caller.canSee(s.run().client()))
                    .orElseThrow(() -> new NotFound("run", runId));
            Run run = subject.run();
            if (run.status() == RunStatus.PUBLISHED) {
                return new Published(republished(run, options), false);
            }
            Instant now = clock.instant();
            Run published = run.publish(now);
            run.seed().requireCompany(run.id(), "publishing it");
            Client client = subject.client();
            List<DossierSection> content = assemble(run);
            List<DossierList> onLists = lists(client, options.lists());
            // a run started before batches existed joins its day's batch now
            Batch batch = subject.batch().orElseGet(() -> batches.runStarted(client, run));
            // from here on other publishes of the company wait for this one: only what must follow remains
            Optional<Dossier> replaced = toSupersede(client, run, subject.rerun(), options);

            DossierId id = DossierId.random();
            Dossier dossier = Dossier.publish(id, run, client, batch.id(), options, replaced.map(Dossier::id), now);
            List<Contact> found = publications.record(new Publication(
                    dossier,
                    content,
                    replaced.map(old -> old.supersededBy(id, now)),
                    onLists.stream().map(DossierList::id).toList(),
                    published,
                    now));
            List<DossierList> sorted = onLists.stream()
                    .sorted(Comparator.comparing(l -> DossierList.nameKey(l.name())))
                    .toList();
            return new Published(new DossierDetails(dossier, client.slug(), batch, content, sorted, found), true);
        });
    }

    /** The dossier of a published run, when asked for with the same options as the first time. */
    private DossierDetails republished(Run run, PublishOptions options) {
        Dossier dossier = dossiers.byRun(run.id())
                .orElseThrow(() -> new IllegalStateException("published run " + run.id() + " has no dossier"));
        if (!dossier.publishedWith(options)) {
            throw new Conflict("run " + run.id() + " is already published as dossier " + dossier.id()
                    + " with other options (" + dossier.publishedWith() + "); send the same options to read it back,"
                    + " or rerun the dossier to publish anew");
        }
        return reader.details(dossier);
    }

    /**
     * For each section definition, the latest successful step of the run that names the section; every
     * missing required section and every place an output breaks its schema is reported at once.
     */
    private List<DossierSection> assemble(Run run) {
        List<SectionDefinition> definitions = sections.all();
        Map<String, Step> written = runs.latestSucceededBySection(run);
        var problems = new Violations();
        List<DossierSection> content = new ArrayList<>();
        for (SectionDefinition definition : definitions) {
            String key = definition.key().value();
            String field = "sections/" + key;
            Step step = written.get(key);
            Optional<JsonDocument> output =
                    step == null ? Optional.empty() : step.entry().output();
            if (output.isEmpty()) {
                if (definition.required()) {
                    problems.add(
                            field,
                            step == null
                                    ? "is required, but no successful step of run " + run.id() + " names section '"
                                            + key + "'; log the writer's step with \"section\": \"" + key + "\""
                                    : "is required, but step " + step.ref() + " that writes it has no output");
                }
                continue;
            }
            List<SchemaProblem> broken = validator.validate(definition.schema(), output.get());
            for (SchemaProblem problem : broken) {
                problems.add(field + problem.pointer(), problem.message() + " (output of step " + step.ref() + ")");
            }
            if (broken.isEmpty()) {
                content.add(new DossierSection(
                        definition.key(), definition.title(), definition.position(), output.get(), step.ref()));
            }
        }
        if (problems.isEmpty() && content.isEmpty()) {
            problems.add(
                    "sections",
                    definitions.isEmpty()
                            ? "there is nothing to publish: no section definitions exist; PUT /api/v1/section-definitions/{key} first"
                            : "there is nothing to publish: no successful step of run " + run.id()
                                    + " names a defined section");
        }
        problems.throwIfAny();
        return content;
    }

    private List<DossierList> lists(Client client, List<ListId> ids) {
        if (ids.isEmpty()) {
            return List.of(listAccess.inbox(client.id()));
        }
        return ids.stream().map(id -> listAccess.ofClient(client.id(), id)).toList();
    }

    /**
     * The dossier the new one replaces, locked: the one named, else the dossier a rerun redoes while
     * it is live, else the company's newest live dossier.
     */
    private Optional<Dossier> toSupersede(Client client, Run run, Optional<Rerun> rerun, PublishOptions options) {
        if (options.supersede() == SupersedeMode.NONE) {
            return Optional.empty();
        }
        Company company = Company.of(run.seed());
        // which dossier a rerun redoes is fixed when the rerun starts
        Optional<DossierId> redoes = options.supersedesDossier().isPresent() ? Optional.empty() : rerun.map(Rerun::of);
        dossiers.lockCompany(client.id(), company);
        if (options.supersedesDossier().isPresent()) {
            DossierId named = options.supersedesDossier().get();
            Dossier target = dossiers.lock(named)
                    .filter(d -> d.client().equals(client.id()))
                    .orElseThrow(() -> new Invalid(
                            "supersedes_dossier_id", "'" + named + "' is not a dossier of client " + client.slug()));
            if (!target.isLive()) {
                throw new Conflict("dossier " + named + " is already superseded by dossier "
                        + target.supersededBy().map(DossierId::toString).orElse("?")
                        + "; name the newest dossier of its chain, or leave supersedes_dossier_id out");
            }
            return Optional.of(target);
        }
        Optional<Dossier> redone = redoes.flatMap(dossiers::lock).filter(Dossier::isLive);
        if (redone.isPresent()) {
            return redone;
        }
        return dossiers.lockNewestLive(client.id(), company);
    }
}
