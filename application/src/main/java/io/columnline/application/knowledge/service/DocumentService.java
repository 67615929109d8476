package io.columnline.application.knowledge.service;

import io.columnline.application.knowledge.port.in.DocumentsUseCase;
import io.columnline.application.knowledge.port.out.KnowledgeDocuments;
import io.columnline.application.knowledge.port.out.TextDiff;
import io.columnline.application.shared.Transactions;
import io.columnline.application.tenancy.port.in.ClientAccess;
import io.columnline.application.tenancy.port.in.ReadClientsUseCase;
import io.columnline.application.tenancy.port.in.SaveClientUseCase;
import io.columnline.domain.Key;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientProfile;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.client.ProfileVersion;
import io.columnline.domain.error.Conflict;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.NotFound;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.KnowledgeDocument;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Keyed documents in {@link KnowledgeDocuments}; the three profile keys read and write the
 * client's profile, whose versions tenancy keeps: a profile document's versions are the profile
 * versions in which that document changed.
 */
@Singleton
public final class DocumentService implements DocumentsUseCase {
    /** Unchanged lines shown around each change of a diff. */
    static final int DIFF_CONTEXT = 3;

    private static final Map<String, String> PROFILE_NAMES = Map.of(
            KnowledgeDocument.ICP_CONFIG, "ICP config",
            KnowledgeDocument.INDUSTRY_RESEARCH, "Industry research",
            KnowledgeDocument.RESEARCH_CONTEXT, "Research context");

    private final ClientAccess access;
    private final ReadClientsUseCase readClients;
    private final SaveClientUseCase saveClient;
    private final KnowledgeDocuments documents;
    private final TextDiff diffs;
    private final Transactions transactions;
    private final Clock clock;

    @Inject
    public DocumentService(
            ClientAccess access,
            ReadClientsUseCase readClients,
            SaveClientUseCase saveClient,
            KnowledgeDocuments documents,
            TextDiff diffs,
            Transactions transactions,
            Clock clock) {
        this.access = access;
        this.readClients = readClients;
        this.saveClient = saveClient;
        this.documents = documents;
        this.diffs = diffs;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Saved put(
            Caller caller,
            ClientSlug slug,
            String key,
            Optional<String> name,
            String content,
            Optional<JsonDocument> metadata) {
        Key.check("key", key);
        if (content == null) {
            throw new Invalid("content", "is required");
        }
        if (content.length() > KnowledgeDocument.MAX_CONTENT_LENGTH) {
            throw new Invalid("content", "is longer than " + KnowledgeDocument.MAX_CONTENT_LENGTH + " characters");
        }
        name.ifPresent(n -> {
            if (n.isBlank() || n.length() > KnowledgeDocument.MAX_NAME_LENGTH) {
                throw new Invalid("name", "must be 1 to " + KnowledgeDocument.MAX_NAME_LENGTH + " characters");
            }
        });
        JsonDocument meta = metadata.orElse(JsonDocument.EMPTY_OBJECT);
        if (!meta.text().startsWith("{")) {
            throw new Invalid("metadata", "must be a JSON object");
        }
        Client client = access.visible(caller, slug);
        if (KnowledgeDocument.PROFILE_KEYS.contains(key)) {
            return putProfile(caller, client, key, content);
        }
        return transactions.inTransaction(() -> {
            Optional<KnowledgeDocument> latest = documents.latest(client.id(), key);
            String chosenName =
                    name.or(() -> latest.map(KnowledgeDocument::name)).orElse(key);
            if (latest.isPresent()
                    && latest.get().content().equals(content)
                    && latest.get().name().equals(chosenName)
                    && (metadata.isEmpty() || latest.get().metadata().equals(meta))) {
                return new Saved(latest.get(), false);
            }
            KnowledgeDocument next = new KnowledgeDocument(
                    client.id(),
                    key,
                    latest.map(d -> d.version() + 1).orElse(1),
                    chosenName,
                    content,
                    metadata.or(() -> latest.map(KnowledgeDocument::metadata)).orElse(JsonDocument.EMPTY_OBJECT),
                    clock.instant());
            if (!documents.add(next)) {
                throw new Conflict(
                        "another version of document '" + key + "' was saved at the same time; send it again");
            }
            return new Saved(next, true);
        });
    }

    /** icp_config's content is a JSON object (the HTTP layer hands it over in canonical text). */
    private Saved putProfile(Caller caller, Client client, String key, String content) {
        JsonDocument icp = null;
        String industry = null;
        String context = null;
        switch (key) {
            case KnowledgeDocument.ICP_CONFIG -> {
                if (!content.startsWith("{")) {
                    throw new Invalid("content", "of icp_config must be a JSON object");
                }
                icp = new JsonDocument(content);
            }
            case KnowledgeDocument.INDUSTRY_RESEARCH -> industry = content;
            default -> context = content;
        }
        int before = profileVersions(caller, client.slug(), key).size();
        saveClient.save(new SaveClientUseCase.Command(caller, client.slug(), null, null, icp, industry, context, null));
        List<KnowledgeDocument> after = profileVersions(caller, client.slug(), key);
        return new Saved(after.getLast(), after.size() > before);
    }

    private List<KnowledgeDocument> profileVersions(Caller caller, ClientSlug slug, String key) {
        Client client = access.visible(caller, slug);
        List<ProfileVersion> versions = new ArrayList<>(readClients.profileVersions(caller, slug));
        versions.sort(Comparator.comparingInt(ProfileVersion::version));
        List<KnowledgeDocument> out = new ArrayList<>();
        String previous = null;
        for (ProfileVersion v : versions) {
            String text = field(v.profile(), key);
            if (!text.equals(previous)) {
                out.add(new KnowledgeDocument(
                        client.id(),
                        key,
                        out.size() + 1,
                        PROFILE_NAMES.get(key),
                        text,
                        new JsonDocument("{\"profile_version\":" + v.version() + "}"),
                        v.createdAt()));
                previous = text;
            }
        }
        return out;
    }

    private static String field(ClientProfile p, String key) {
        return switch (key) {
            case KnowledgeDocument.ICP_CONFIG -> p.icpConfig().text();
            case KnowledgeDocument.INDUSTRY_RESEARCH -> p.industryResearch();
            default -> p.researchContext();
        };
    }

    @Override
    public KnowledgeDocument get(Caller caller, ClientSlug slug, String key, Optional<Integer> version) {
        List<KnowledgeDocument> all = versions(caller, slug, key);
        if (version.isEmpty()) {
            return all.getLast();
        }
        return all.stream()
                .filter(d -> d.version() == version.get())
                .findFirst()
                .orElseThrow(() -> new NotFound("document version", key + " version " + version.get()));
    }

    @Override
    public List<KnowledgeDocument> versions(Caller caller, ClientSlug slug, String key) {
        Key.check("key", key);
        Client client = access.visible(caller, slug);
        List<KnowledgeDocument> all = KnowledgeDocument.PROFILE_KEYS.contains(key)
                ? profileVersions(caller, slug, key)
                : documents.versions(client.id(), key);
        if (all.isEmpty()) {
            throw new NotFound("document", key);
        }
        return all;
    }

    @Override
    public List<KnowledgeDocument> list(Caller caller, ClientSlug slug) {
        Client client = access.visible(caller, slug);
        Map<String, KnowledgeDocument> byKey = new TreeMap<>();
        for (String key : KnowledgeDocument.PROFILE_KEYS) {
            byKey.put(key, profileVersions(caller, slug, key).getLast());
        }
        for (KnowledgeDocument d : documents.latestOfClient(client.id())) {
            byKey.put(d.key(), d);
        }
        return List.copyOf(byKey.values());
    }

    @Override
    public String diff(Caller caller, ClientSlug slug, String key, int from, int to) {
        KnowledgeDocument before = get(caller, slug, key, Optional.of(from));
        KnowledgeDocument after = get(caller, slug, key, Optional.of(to));
        return diffs.unified(
                key + ".md (version " + from + ")",
                before.content(),
                key + ".md (version " + to + ")",
                after.content(),
                DIFF_CONTEXT);
    }
}
