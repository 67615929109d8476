package io.columnline.domain.client;

import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.Violations;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.pipeline.PipelineKey;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/** A tenant. Everything else belongs to exactly one client. */
public record Client(
        ClientId id,
        ClientSlug slug,
        String name,
        ZoneId timezone,
        ClientProfile profile,
        int profileVersion,
        Optional<URI> rerunWebhookUrl,
        Optional<String> externalId,
        ClientConfigs configs,
        Instant createdAt,
        Instant updatedAt,
        Optional<PipelineKey> defaultPipeline) {

    private static final int MAX_EXTERNAL_ID = 200;

    public Client {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(rerunWebhookUrl, "rerunWebhookUrl");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(configs, "configs");
        Objects.requireNonNull(defaultPipeline, "defaultPipeline");
    }

    /** Parses the parts a caller sends, reporting every bad one. */
    public static Settings settings(String name, String timezone, String rerunWebhookUrl) {
        return settings(name, timezone, rerunWebhookUrl, null, null);
    }

    /**
     * With the client's external id (the origin's {@code CLT_EXAMPLE_001}, which may not look like a
     * UUID or a slug, so no name of a client means two) and configs to merge over its own.
     */
    public static Settings settings(
            String name, String timezone, String rerunWebhookUrl, String externalId, JsonDocument configs) {
        return settings(name, timezone, rerunWebhookUrl, externalId, configs, null);
    }

    /**
     * With the pipeline the client's runs follow when they name none ({@code ""} clears it): a
     * key, checked here; whether it is saved is checked when a run starts.
     */
    public static Settings settings(
            String name,
            String timezone,
            String rerunWebhookUrl,
            String externalId,
            JsonDocument configs,
            String defaultPipeline) {
        var problems = new Violations();
        Optional<Optional<PipelineKey>> pipeline = Optional.empty();
        if (defaultPipeline != null) {
            if (defaultPipeline.isBlank()) {
                pipeline = Optional.of(Optional.empty());
            } else {
                try {
                    pipeline = Optional.of(Optional.of(new PipelineKey(defaultPipeline.strip())));
                } catch (Invalid e) {
                    problems.add("default_pipeline", e.violations().get(0).message());
                }
            }
        }
        Optional<String> external = Optional.ofNullable(externalId).map(String::strip);
        external.ifPresent(id -> {
            if (id.isEmpty() || id.length() > MAX_EXTERNAL_ID) {
                problems.add("external_id", "must be 1 to " + MAX_EXTERNAL_ID + " characters when given");
            } else if (id.matches("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}") || ClientSlug.isSlug(id)) {
                problems.add(
                        "external_id",
                        "'" + id + "' looks like a client id or slug; use the origin's id, e.g. CLT_EXAMPLE_001");
            }
        });
        ZoneId zone = ZoneId.of("UTC");
        if (name != null && name.isBlank()) {
            problems.add("name", "must not be blank");
        }
        if (timezone != null) {
            try {
                zone = ZoneId.of(timezone);
            } catch (DateTimeException e) {
                problems.add("timezone", "'" + timezone + "' is not an IANA time zone such as Europe/Berlin");
            }
        }
        Optional<URI> webhook = Optional.empty();
        if (rerunWebhookUrl != null && !rerunWebhookUrl.isBlank()) {
            try {
                URI uri = URI.create(rerunWebhookUrl);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw new IllegalArgumentException();
                }
                webhook = Optional.of(uri);
            } catch (IllegalArgumentException e) {
                problems.add("rerun_webhook_url", "must be an absolute http(s) URL");
            }
        }
        problems.throwIfAny();
        return new Settings(
                name, timezone == null ? null : zone, webhook, external, Optional.ofNullable(configs), pipeline);
    }

    /** What a create-or-update may change; null or empty means "keep what is there" (or the default). */
    public record Settings(
            String name,
            ZoneId timezone,
            Optional<URI> rerunWebhookUrl,
            Optional<String> externalId,
            Optional<JsonDocument> configs,
            Optional<Optional<PipelineKey>> defaultPipeline) {
        public Settings(String name, ZoneId timezone, Optional<URI> rerunWebhookUrl) {
            this(name, timezone, rerunWebhookUrl, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    public static Client create(ClientId id, ClientSlug slug, Settings settings, ClientProfile profile, Instant now) {
        if (settings.name() == null) {
            throw new Invalid("name", "is required when creating a client");
        }
        return new Client(
                id,
                slug,
                settings.name(),
                settings.timezone() == null ? ZoneId.of("UTC") : settings.timezone(),
                profile,
                1,
                settings.rerunWebhookUrl(),
                settings.externalId(),
                settings.configs().map(ClientConfigs.EMPTY::merge).orElse(ClientConfigs.EMPTY),
                now,
                now,
                settings.defaultPipeline().orElse(Optional.empty()));
    }

    /** Applies new settings and profile; the profile version moves only when the profile changed. */
    public Client update(Settings settings, ClientProfile newProfile, Instant now) {
        boolean profileChanged = !profile.equals(newProfile);
        return new Client(
                id,
                slug,
                settings.name() == null ? name : settings.name(),
                settings.timezone() == null ? timezone : settings.timezone(),
                newProfile,
                profileChanged ? profileVersion + 1 : profileVersion,
                settings.rerunWebhookUrl().isPresent() ? settings.rerunWebhookUrl() : rerunWebhookUrl,
                settings.externalId().isPresent() ? settings.externalId() : externalId,
                settings.configs().map(configs::merge).orElse(configs),
                createdAt,
                now,
                settings.defaultPipeline().orElse(defaultPipeline));
    }

    public boolean profileChangedFrom(Client before) {
        return profileVersion != before.profileVersion;
    }
}
