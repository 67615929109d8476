package io.columnline.application.prospects.port.in;

import io.columnline.domain.access.Caller;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.prospect.CampaignStats;
import io.columnline.domain.prospect.Contact;
import io.columnline.domain.prospect.ReplyKind;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queues contacts for a campaign and records their replies. */
public interface CampaignsUseCase {
    /** Suppressed contacts (bounced, unsubscribed) are refused and listed, unknown ones listed too. */
    Enqueued enqueue(Caller caller, String campaignNumber, List<UUID> contactIds, String outreachType);

    /** Sets the reply's flag; sending the same reply again changes nothing. */
    Contact reply(Caller caller, UUID contactId, ReplyKind kind);

    List<CampaignStats> stats(Caller caller, Optional<ClientSlug> client);

    record Enqueued(String campaignNumber, List<UUID> queued, List<UUID> suppressed, List<UUID> notFound) {}
}
