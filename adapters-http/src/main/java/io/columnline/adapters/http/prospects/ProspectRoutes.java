package io.columnline.adapters.http.prospects;

import io.columnline.adapters.http.shared.ListBody;
import io.columnline.adapters.http.shared.Request;
import io.columnline.adapters.http.shared.Response;
import io.columnline.adapters.http.shared.Router;
import io.columnline.adapters.http.shared.Routes;
import io.columnline.application.prospects.port.in.CampaignsUseCase;
import io.columnline.application.prospects.port.in.ProspectsUseCase;
import io.columnline.application.prospects.port.out.Contacts.Member;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.prospect.Audience;
import io.columnline.domain.prospect.CampaignStats;
import io.columnline.domain.prospect.ReplyKind;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Companies, contacts, audiences, campaigns and replies. */
final class ProspectRoutes implements Routes {
    private static final Set<String> NOT_FILTERS = Set.of("client", "limit", "cursor");

    private final ProspectsUseCase prospects;
    private final CampaignsUseCase campaigns;

    @Inject
    ProspectRoutes(ProspectsUseCase prospects, CampaignsUseCase campaigns) {
        this.prospects = prospects;
        this.campaigns = campaigns;
    }

    record EnqueueBody(List<UUID> contactIds, String outreachType) {}

    record ReplyBody(String kind) {}

    record EnqueuedView(String campaignNumber, List<UUID> queued, List<UUID> suppressed, List<UUID> notFound) {}

    record StatsView(String campaignNumber, long contacts, long bounces, long unsubscribes, long infoRequests) {
        static StatsView from(CampaignStats s) {
            return new StatsView(s.campaignNumber(), s.contacts(), s.bounces(), s.unsubscribes(), s.infoRequests());
        }
    }

    @Override
    public void register(Router router) {
        router.get(
                "/api/v1/companies",
                r -> Response.ok(ListBody.of(
                        prospects.companies(r.caller(), client(r), filters(r), r.page()), ProspectViews::company)));
        router.get(
                "/api/v1/companies/{id}",
                r -> Response.ok(ProspectViews.company(prospects.company(r.caller(), r.pathId("id", "company")))));
        router.patch(
                "/api/v1/companies/{id}",
                r -> Response.ok(ProspectViews.company(
                        prospects.patchCompany(r.caller(), r.pathId("id", "company"), ProspectViews.patch(r.json())))));
        router.get(
                "/api/v1/contacts",
                r -> Response.ok(ListBody.of(
                        prospects.contacts(r.caller(), client(r), filters(r), r.page()), ProspectViews::contact)));
        router.get(
                "/api/v1/contacts/{id}",
                r -> Response.ok(ProspectViews.contact(prospects.contact(r.caller(), r.pathId("id", "contact")))));
        router.patch(
                "/api/v1/contacts/{id}",
                r -> Response.ok(ProspectViews.contact(
                        prospects.patchContact(r.caller(), r.pathId("id", "contact"), ProspectViews.patch(r.json())))));
        router.post("/api/v1/contacts/{id}/replies", r -> {
            ReplyBody body = r.body(ReplyBody.class);
            return Response.ok(ProspectViews.contact(campaigns.reply(
                    r.caller(), r.pathId("id", "contact"), ReplyKind.fromKey(body.kind() == null ? "" : body.kind()))));
        });
        router.get(
                "/api/v1/audiences",
                r -> Response.ok(ListBody.of(
                        prospects.audience(r.caller(), client(r), audience(r), r.page()), ProspectRoutes::member)));
        router.post("/api/v1/campaigns/{campaign_number}/enqueue", r -> {
            EnqueueBody body = r.body(EnqueueBody.class);
            var done = campaigns.enqueue(r.caller(), r.path("campaign_number"), body.contactIds(), body.outreachType());
            return Response.ok(
                    new EnqueuedView(done.campaignNumber(), done.queued(), done.suppressed(), done.notFound()));
        });
        router.get(
                "/api/v1/campaigns/stats",
                r -> Response.ok(ListBody.all(campaigns.stats(r.caller(), client(r)).stream()
                        .map(StatsView::from)
                        .toList())));
    }

    static Optional<ClientSlug> client(Request r) {
        return r.query("client").map(ClientSlug::new);
    }

    private static Map<String, String> filters(Request r) {
        Map<String, String> filters = new LinkedHashMap<>(r.queryParameters());
        filters.keySet().removeAll(NOT_FILTERS);
        return filters;
    }

    private static Audience audience(Request r) {
        return new Audience(
                r.query("segment"),
                r.queryBoolean("sme_registry"),
                r.query("status"),
                r.query("region"),
                r.query("position"),
                r.query("processing_status"),
                r.queryBoolean("has_email"),
                r.queryBoolean("include_suppressed").orElse(false));
    }

    private static Map<String, Object> member(Member m) {
        Map<String, Object> view = ProspectViews.contact(m.contact());
        view.put("company", ProspectViews.company(m.company()));
        return view;
    }

    @Override
    public Optional<String> openApiFragment() {
        return Optional.of("/openapi/prospects.json");
    }
}
