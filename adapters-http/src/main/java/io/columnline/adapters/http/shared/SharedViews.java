package io.columnline.adapters.http.shared;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.columnline.application.tracking.port.in.ReadRunsUseCase.ListedRun;
import io.columnline.application.tracking.port.in.RunDetails;
import io.columnline.application.tracking.port.in.RunDetails.StageDetails;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.prospect.Contact;
import io.columnline.domain.prospect.FieldValues;
import io.columnline.domain.run.CacheUse;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.Stage;
import io.columnline.domain.run.Totals;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How the records that several areas answer with look on the wire: a run (a rerun answers the run
 * it started; a listed run is a run without its stages) and a contact (a dossier lists its run's
 * contacts).
 */
public final class SharedViews {
    private SharedViews() {}

    public record ListedRunView(
            String id,
            String client,
            String clientId,
            String status,
            @JsonRawValue String seed,
            String pipelineVersion,
            String externalId,
            String error,
            Instant startedAt,
            Instant finishedAt,
            PipelineView pipeline,
            String triggeredBy,
            @JsonRawValue String inputData,
            @JsonRawValue String outputData,
            long durationMs,
            TotalsView totals) {
        /** {@code asOf} is the end of a running run's duration so far. */
        public static ListedRunView from(ListedRun listed, Instant asOf) {
            Run r = listed.run();
            return new ListedRunView(
                    r.id().toString(),
                    listed.client().value(),
                    r.client().toString(),
                    r.status().wire(),
                    r.seed().document().text(),
                    r.pipelineVersion(),
                    r.externalId().orElse(null),
                    r.error().orElse(null),
                    r.startedAt(),
                    r.finishedAt().orElse(null),
                    r.pipeline()
                            .map(p -> new PipelineView(p.key().value(), p.version()))
                            .orElse(null),
                    r.launch().triggeredBy().orElse(null),
                    r.launch().inputData().map(JsonDocument::text).orElse(null),
                    r.outputData().map(JsonDocument::text).orElse(null),
                    millis(r.duration(asOf)),
                    TotalsView.from(listed.totals()));
        }
    }

    /** The pipeline definition a run follows: its key and the version it started with. */
    public record PipelineView(String key, int version) {}

    /** A step the run is running now: prepared, not yet completed. */
    public record RunningStepView(String stepKey, String instance, int attempt, String stage, Instant preparedAt) {}

    public record RunView(
            String id,
            String client,
            String clientId,
            String status,
            @JsonRawValue String seed,
            String pipelineVersion,
            String externalId,
            String error,
            Instant startedAt,
            Instant finishedAt,
            PipelineView pipeline,
            String triggeredBy,
            @JsonRawValue String inputData,
            @JsonRawValue String outputData,
            long durationMs,
            TotalsView totals,
            CacheView researchCache,
            List<StageView> stages,
            List<RunningStepView> runningSteps) {
        /** The listed run's fields (one mapping for both), then its duration, totals and stages. */
        public static RunView from(RunDetails d) {
            ListedRunView l = ListedRunView.from(new ListedRun(d.run(), d.client(), d.totals()), d.asOf());
            return new RunView(
                    l.id(),
                    l.client(),
                    l.clientId(),
                    l.status(),
                    l.seed(),
                    l.pipelineVersion(),
                    l.externalId(),
                    l.error(),
                    l.startedAt(),
                    l.finishedAt(),
                    l.pipeline(),
                    l.triggeredBy(),
                    l.inputData(),
                    l.outputData(),
                    l.durationMs(),
                    l.totals(),
                    CacheView.from(d.cache()),
                    d.stages().stream().map(s -> StageView.from(s, d.asOf())).toList(),
                    d.running().stream()
                            .map(s -> new RunningStepView(
                                    s.entry().stepKey(),
                                    s.entry().instance().isEmpty()
                                            ? null
                                            : s.entry().instance(),
                                    s.entry().attempt(),
                                    s.entry().stage(),
                                    s.loggedAt()))
                            .toList());
        }
    }

    /** A stage named only by steps, never started or completed, has no status, attempts or times. */
    public record StageView(
            String stage,
            String status,
            Integer attempts,
            String errorSummary,
            @JsonRawValue String inputRefs,
            @JsonRawValue String outputRefs,
            @JsonRawValue String metrics,
            Instant startedAt,
            Instant finishedAt,
            Long durationMs,
            TotalsView totals) {
        public static StageView from(StageDetails d, Instant asOf) {
            Optional<Stage> s = d.stage();
            return new StageView(
                    d.name(),
                    s.map(st -> st.status().wire()).orElse(null),
                    s.map(Stage::attempts).orElse(null),
                    s.flatMap(Stage::errorSummary).orElse(null),
                    s.flatMap(Stage::inputRefs).map(JsonDocument::text).orElse(null),
                    s.flatMap(Stage::outputRefs).map(JsonDocument::text).orElse(null),
                    s.flatMap(Stage::metrics).map(JsonDocument::text).orElse(null),
                    s.map(Stage::startedAt).orElse(null),
                    s.flatMap(Stage::finishedAt).orElse(null),
                    s.map(st -> millis(st.duration(asOf))).orElse(null),
                    TotalsView.from(d.totals()));
        }
    }

    public record StepCounts(long total, long success, long failure) {}

    public record TotalsView(
            StepCounts steps,
            long tokensInput,
            long tokensOutput,
            @JsonSerialize(using = PlainDecimal.class) BigDecimal costUsd,
            long stepsWithoutCost,
            long latencyMs) {
        public static TotalsView from(Totals t) {
            return new TotalsView(
                    new StepCounts(t.steps(), t.succeeded(), t.failed()),
                    t.tokensInput(),
                    t.tokensOutput(),
                    t.costUsd(),
                    t.stepsWithoutCost(),
                    t.latencyMs());
        }
    }

    /** A run's research cache lookups, its hits and the cost of the entries those hits reused. */
    public record CacheView(
            long lookups,
            long hits,
            @JsonSerialize(using = PlainDecimal.class) BigDecimal savedUsd) {
        public static CacheView from(CacheUse f) {
            return new CacheView(f.lookups(), f.hits(), f.savedUsd());
        }
    }

    /** A contact found by a run, with the fields a run writes. */
    public record ContactView(
            String id,
            String runId,
            String dossierId,
            String companyId,
            String companyName,
            String fullName,
            String firstName,
            String lastName,
            String position,
            String workEmail,
            String genericEmail,
            List<String> phoneNumbers,
            String linkedinUrl,
            List<String> sourceUrls,
            @JsonRawValue String aiResearchData,
            Instant createdAt,
            Instant updatedAt) {
        public static ContactView from(Contact c) {
            FieldValues v = c.values();
            return new ContactView(
                    c.id().toString(),
                    c.runId().map(Object::toString).orElse(null),
                    c.dossierId().map(Object::toString).orElse(null),
                    c.companyId().map(Object::toString).orElse(null),
                    text(v, "company_name"),
                    text(v, "full_name"),
                    text(v, "first_name"),
                    text(v, "last_name"),
                    text(v, "position"),
                    text(v, "work_email"),
                    text(v, "generic_email"),
                    list(v, "phone_numbers"),
                    text(v, "linkedin_url"),
                    list(v, "source_urls"),
                    v.get("ai_research_data") instanceof JsonDocument d ? d.text() : null,
                    c.createdAt(),
                    c.updatedAt());
        }

        private static String text(FieldValues values, String name) {
            return values.get(name) == null ? null : values.get(name).toString();
        }

        @SuppressWarnings("unchecked")
        private static List<String> list(FieldValues values, String name) {
            return values.get(name) instanceof List<?> items ? (List<String>) items : List.of();
        }
    }

    /**
     * A client's industry research or research context as stored: the JSON object or array it was
     * sent as, else its text.
     */
    public static com.fasterxml.jackson.databind.JsonNode profileText(String stored) {
        io.columnline.domain.json.JsonValue value = io.columnline.domain.client.ClientProfile.textOrJson(stored);
        return value instanceof io.columnline.domain.json.JsonValue.Str s
                ? com.fasterxml.jackson.databind.node.TextNode.valueOf(s.value())
                : Json.node(value.document());
    }

    public static long millis(Duration duration) {
        return duration.toMillis();
    }

    /** JSON {@code null} and a missing field both mean "not given". */
    public static JsonDocument document(JsonNode node) {
        return node == null || node.isNull() ? null : Json.document(node);
    }
}
