package io.columnline.application.knowledge.service;

import io.columnline.application.knowledge.port.in.ArtifactsUseCase;
import io.columnline.application.knowledge.port.out.Artifacts;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.shared.Transactions;
import io.columnline.application.tenancy.port.in.ClientAccess;
import io.columnline.application.tracking.port.in.RunAccess;
import io.columnline.domain.Key;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.error.Conflict;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.Artifact;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.RunId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

@Singleton
public final class ArtifactService implements ArtifactsUseCase {
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

    private final ClientAccess access;
    private final RunAccess runs;
    private final Artifacts artifacts;
    private final Transactions transactions;
    private final Clock clock;

    @Inject
    public ArtifactService(
            ClientAccess access, RunAccess runs, Artifacts artifacts, Transactions transactions, Clock clock) {
        this.access = access;
        this.runs = runs;
        this.artifacts = artifacts;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Saved save(Command c) {
        Key.check("key", c.key());
        if (c.kind() == null || !KIND.matcher(c.kind()).matches()) {
            throw new Invalid("kind", "must be a lower-case word such as script, report or other");
        }
        JsonDocument metadata = c.metadata().orElse(JsonDocument.EMPTY_OBJECT);
        if (!metadata.text().startsWith("{")) {
            throw new Invalid("metadata", "must be a JSON object");
        }
        Client client = access.chosen(c.caller(), c.client());
        Optional<RunId> run = c.run().map(id -> {
            Run r = runs.visible(c.caller(), new RunId(id));
            if (!r.client().equals(client.id())) {
                throw new NotFound("run", id);
            }
            return r.id();
        });
        byte[] content = c.text()
                .map(t -> t.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .orElseGet(() -> c.bytes().orElseThrow());
        String sha256 = SourceService.sha256(content);
        return transactions.inTransaction(() -> {
            Optional<Artifact> latest = artifacts.latest(client.id(), c.key());
            if (latest.isPresent()
                    && latest.get().contentSha256().equals(sha256)
                    && latest.get().contentType().equals(c.contentType())) {
                return new Saved(latest.get(), false);
            }
            Artifact next = new Artifact(
                    UUID.randomUUID(),
                    client.id(),
                    c.key(),
                    latest.map(a -> a.version() + 1).orElse(1),
                    c.kind(),
                    c.contentType(),
                    c.text(),
                    c.text().isPresent() ? Optional.empty() : c.bytes(),
                    sha256,
                    content.length,
                    run,
                    metadata,
                    clock.instant());
            if (!artifacts.add(next)) {
                throw new Conflict(
                        "another version of artifact '" + c.key() + "' was saved at the same time; send it again");
            }
            return new Saved(next, true);
        });
    }

    @Override
    public Artifact get(Caller caller, Optional<ClientSlug> named, String key, Optional<Integer> version) {
        Key.check("key", key);
        Client client = access.chosen(caller, named);
        return (version.isPresent()
                        ? artifacts.version(client.id(), key, version.get())
                        : artifacts.latest(client.id(), key))
                .orElseThrow(() -> new NotFound(
                        "artifact", version.map(v -> key + " version " + v).orElse(key)));
    }

    @Override
    public List<Artifact> versions(Caller caller, Optional<ClientSlug> named, String key) {
        Key.check("key", key);
        Client client = access.chosen(caller, named);
        List<Artifact> all = artifacts.versions(client.id(), key);
        if (all.isEmpty()) {
            throw new NotFound("artifact", key);
        }
        return all;
    }

    @Override
    public Page<Artifact> list(Caller caller, Query q, PageRequest page) {
        Optional<Client> client = access.named(caller, q.client());
        return artifacts.list(
                new Artifacts.Filter(client.map(Client::id), q.kind(), q.run().map(RunId::new)), page);
    }
}
