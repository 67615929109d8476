package io.columnline.application.tenancy.port.in;

import io.columnline.domain.access.Caller;
import io.columnline.domain.client.Client;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.json.JsonDocument;

/** Creates a client or updates it; a changed profile becomes a new profile version. */
public interface SaveClientUseCase {
    Saved save(Command command);

    /** Null fields keep the stored value (or take the default on create). */
    record Command(
            Caller caller,
            ClientSlug slug,
            String name,
            String timezone,
            JsonDocument icpConfig,
            String industryResearch,
            String researchContext,
            String rerunWebhookUrl,
            String externalId,
            JsonDocument configs,
            String defaultPipeline) {
        public Command(
                Caller caller,
                ClientSlug slug,
                String name,
                String timezone,
                JsonDocument icpConfig,
                String industryResearch,
                String researchContext,
                String rerunWebhookUrl,
                String externalId,
                JsonDocument configs) {
            this(
                    caller,
                    slug,
                    name,
                    timezone,
                    icpConfig,
                    industryResearch,
                    researchContext,
                    rerunWebhookUrl,
                    externalId,
                    configs,
                    null);
        }

        public Command(
                Caller caller,
                ClientSlug slug,
                String name,
                String timezone,
                JsonDocument icpConfig,
                String industryResearch,
                String researchContext,
                String rerunWebhookUrl) {
            this(
                    caller,
                    slug,
                    name,
                    timezone,
                    icpConfig,
                    industryResearch,
                    researchContext,
                    rerunWebhookUrl,
                    null,
                    null);
        }
    }

    record Saved(Client client, boolean created) {}
}
