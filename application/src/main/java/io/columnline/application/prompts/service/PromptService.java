package io.columnline.application.prompts.service;

import io.columnline.application.prompts.port.in.ReadPromptsUseCase;
import io.columnline.application.prompts.port.in.SavePromptUseCase;
import io.columnline.application.prompts.port.in.StepPrompts;
import io.columnline.application.prompts.port.out.PromptUsage;
import io.columnline.application.prompts.port.out.Prompts;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.shared.Transactions;
import io.columnline.domain.access.Caller;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.error.Violations;
import io.columnline.domain.prompt.Prompt;
import io.columnline.domain.prompt.PromptContent;
import io.columnline.domain.prompt.PromptKey;
import io.columnline.domain.prompt.PromptLabel;
import io.columnline.domain.prompt.PromptSelector;
import io.columnline.domain.prompt.PromptVersion;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Prompts are installation-wide: any key reads them, only admin keys write them. */
public final class PromptService implements SavePromptUseCase, ReadPromptsUseCase, StepPrompts {
    private final Prompts prompts;
    private final PromptUsage usage;
    private final Transactions transactions;
    private final Clock clock;
    private final Optional<PromptCatalog> catalog;

    public PromptService(Prompts prompts, PromptUsage usage, Transactions transactions, Clock clock) {
        this(prompts, usage, transactions, clock, Optional.empty());
    }

    /** The catalog step logging checks versions with forgets what it knew once a prompt is saved. */
    @Inject
    public PromptService(
            Prompts prompts, PromptUsage usage, Transactions transactions, Clock clock, PromptCatalog catalog) {
        this(prompts, usage, transactions, clock, Optional.of(catalog));
    }

    private PromptService(
            Prompts prompts,
            PromptUsage usage,
            Transactions transactions,
            Clock clock,
            Optional<PromptCatalog> catalog) {
        this.prompts = prompts;
        this.usage = usage;
        this.transactions = transactions;
        this.clock = clock;
        this.catalog = catalog;
    }

    /** A draft that passed every check. */
    private record Checked(PromptKey key, PromptContent content, Set<PromptLabel> labels) {}

    @Override
    public Saved save(Caller caller, Draft draft) {
        caller.requireAdmin();
        Checked checked = check(draft);
        try {
            return transactions.inTransaction(() -> apply(checked));
        } finally {
            catalog.ifPresent(PromptCatalog::forget);
        }
    }

    @Override
    public List<Saved> saveAll(Caller caller, List<Draft> drafts) {
        caller.requireAdmin();
        var problems = new Violations();
        var checked = new ArrayList<Checked>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            String prefix = "prompts[" + i + "].";
            try {
                Checked one = check(drafts.get(i));
                if (!keys.add(one.key().value())) {
                    problems.add(prefix + "key", "'" + one.key() + "' appears more than once");
                }
                checked.add(one);
            } catch (Invalid e) {
                e.violations().forEach(v -> problems.add(prefix + v.field(), v.message()));
            }
        }
        problems.throwIfAny();
        try {
            return transactions.inTransaction(
                    () -> checked.stream().map(this::apply).toList());
        } finally {
            catalog.ifPresent(PromptCatalog::forget);
        }
    }

    private static Checked check(Draft draft) {
        var problems = new Violations();
        PromptKey key = null;
        PromptContent content = null;
        try {
            key = new PromptKey(draft.key());
        } catch (Invalid e) {
            problems.addAll(e.violations());
        }
        try {
            content = PromptContent.of(draft.template(), draft.model(), draft.modelParams());
        } catch (Invalid e) {
            problems.addAll(e.violations());
        }
        Set<PromptLabel> labels = PromptLabel.movable(draft.labels(), problems);
        problems.throwIfAny();
        return new Checked(key, content, labels);
    }

    private Saved apply(Checked draft) {
        Instant now = clock.instant();
        Optional<Prompt> existing = prompts.byKey(draft.key());
        Optional<PromptVersion> newest = existing.flatMap(p -> prompts.version(p.key(), p.latestVersion()));
        PromptVersion version;
        boolean newVersion = newest.isEmpty() || !newest.get().content().equals(draft.content());
        if (newVersion) {
            int number = existing.map(p -> p.latestVersion() + 1).orElse(1);
            version = new PromptVersion(draft.key(), number, draft.content(), now);
            prompts.addVersion(version);
        } else {
            version = newest.get();
        }
        List<PromptLabel> moved = PromptLabel.toMove(
                draft.labels(),
                newVersion && version.version() == 1,
                version.version(),
                existing.map(Prompt::labels).orElse(Map.of()));
        moved.forEach(label -> prompts.setLabel(draft.key(), label, version.version()));
        Prompt after = prompts.byKey(draft.key()).orElseThrow();
        return new Saved(after, version, newVersion, moved);
    }

    @Override
    public Prompt moveLabel(Caller caller, PromptKey key, String label, Integer version) {
        caller.requireAdmin();
        var problems = new Violations();
        PromptLabel parsed = null;
        try {
            parsed = PromptLabel.movable("label", label);
        } catch (Invalid e) {
            problems.addAll(e.violations());
        }
        if (version == null) {
            problems.add("version", "is required: the version number the label should name");
        }
        problems.throwIfAny();
        PromptLabel target = parsed;
        return transactions.inTransaction(() -> {
            Prompt prompt = registered(key);
            prompt.requireVersion("version", version);
            if (version.equals(prompt.labels().get(target))) {
                return prompt;
            }
            prompts.setLabel(key, target, version);
            return registered(key);
        });
    }

    @Override
    public Optional<StepPrompts.Chosen> chosen(PromptKey key, Optional<PromptLabel> label) {
        Optional<Prompt> prompt = prompts.byKey(key);
        if (prompt.isEmpty()) {
            return Optional.empty();
        }
        Integer number = prompt.get().allLabels().get(label.orElse(PromptLabel.PRODUCTION));
        if (number == null) {
            return Optional.empty();
        }
        return prompts.version(key, number).map(v -> new StepPrompts.Chosen(key, number, v.content()));
    }

    @Override
    public Selected get(Caller caller, PromptKey key, PromptSelector selector) {
        Prompt prompt = registered(key);
        int number = prompt.resolve(selector);
        PromptVersion version = prompts.version(key, number)
                .orElseThrow(() -> new IllegalStateException("prompt " + key + " lost version " + number));
        return new Selected(prompt, version);
    }

    @Override
    public Page<Prompt> list(Caller caller, PageRequest page) {
        return prompts.list(page);
    }

    @Override
    public Page<VersionEntry> versions(Caller caller, PromptKey key, PageRequest page) {
        Prompt prompt = registered(key);
        Page<PromptVersion> versions = prompts.versions(key, page);
        Map<Integer, PromptUsage.Usage> used = usage.byVersion(key);
        return versions.map(v -> new VersionEntry(
                v, prompt.labelsOf(v.version()), used.getOrDefault(v.version(), PromptUsage.Usage.NONE)));
    }

    @Override
    public Rendered render(Caller caller, PromptKey key, PromptSelector selector, Map<String, String> variables) {
        PromptVersion version = get(caller, key, selector).version();
        return new Rendered(version, version.content().template().render(variables));
    }

    private Prompt registered(PromptKey key) {
        return prompts.byKey(key).orElseThrow(() -> new NotFound("prompt", key));
    }
}
