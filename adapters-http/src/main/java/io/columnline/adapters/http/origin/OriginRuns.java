package io.columnline.adapters.http.origin;

import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.application.tracking.port.in.ReadRunsUseCase;
import io.columnline.application.tracking.port.in.ReadStepsUseCase;
import io.columnline.application.tracking.port.in.RunAccess;
import io.columnline.application.tracking.port.in.RunDetails;
import io.columnline.domain.access.Caller;
import io.columnline.domain.run.RunStatus;
import io.columnline.domain.run.Step;
import io.columnline.domain.run.StepStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The origin's names and ids, translated: run ids, step names, statuses. */
final class OriginRuns {
    private OriginRuns() {}

    /** A run named by Columnline's UUID or by the scenario's own text id ({@code RUN_20260114_002901}). */
    static RunDetails find(RunAccess access, ReadRunsUseCase read, Caller caller, String id) {
        return read.get(caller, access.resolve(caller, id));
    }

    /** The origin's one claims step, run after each research step and told apart by its input. */
    static final String CLAIMS_EXTRACTION = "claims_extraction";

    /** The research steps whose output CLAIMS_EXTRACTION reads, the one it prefers first (origin-api.md). */
    private static final List<String> CLAIMED = List.of(
            "5c_client_specific",
            "5b_enrich_opportunity",
            "5a_enrich_lead",
            "4_contact_discovery",
            "3_entity_research",
            "2_signal_discovery");

    /**
     * The step key a name means in this run. {@code CLAIMS_EXTRACTION}, one step to the origin, is
     * one step per research step in the V2 pipeline ({@code claims_entity_research}, …): to prepare
     * it is to prepare the claims of the newest of 5C, 5B, 5A, 4, 3, 2 that succeeded, as the origin
     * chose its input; to complete it is to complete the claims step that is running (the newest).
     * Any other name is its folded key.
     */
    static String stepKey(String stepName, List<Step> all, boolean completing) {
        String key = stepKey(stepName);
        if (!key.equals(CLAIMS_EXTRACTION)) {
            return key;
        }
        if (completing) {
            Optional<String> running = all.stream()
                    .filter(s -> s.entry().status() == StepStatus.RUNNING)
                    .filter(s -> s.entry().stepKey().startsWith("claims_"))
                    .reduce((a, b) -> b)
                    .map(s -> s.entry().stepKey());
            if (running.isPresent()) {
                return running.get();
            }
        }
        return claimsStep(succeeded(all)).orElse(key);
    }

    /** The claims step of the first of 5C, 5B, 5A, 4, 3, 2 that succeeded. */
    static Optional<String> claimsStep(Set<String> succeeded) {
        return CLAIMED.stream()
                .filter(succeeded::contains)
                .findFirst()
                .map(research -> "claims_" + research.replaceFirst("^[0-9]+[a-z]?_", ""));
    }

    /** The keys of the steps with a successful attempt. */
    static Set<String> succeeded(List<Step> all) {
        Set<String> succeeded = new HashSet<>();
        all.stream()
                .filter(s -> s.entry().status() == StepStatus.SUCCESS)
                .forEach(s -> succeeded.add(s.entry().stepKey()));
        return succeeded;
    }

    /** The origin's upper-case step name is Columnline's lower-case step key. */
    static String stepKey(String stepName) {
        return stepName.strip().toLowerCase(Locale.ROOT);
    }

    /** A step key as the origin spells it, for answers that echo no name the scenario sent. */
    static String stepName(String stepKey) {
        return stepKey.toUpperCase(Locale.ROOT);
    }

    /** The origin knows pending, running, completed and failed; a published run is completed to it. */
    static String status(RunStatus status) {
        return switch (status) {
            case RUNNING -> "running";
            case COMPLETED, PUBLISHED -> "completed";
            case FAILED -> "failed";
        };
    }

    /** Every step of the run, in the order they were logged. */
    static List<Step> allSteps(ReadStepsUseCase steps, Caller caller, RunDetails run) {
        List<Step> all = new ArrayList<>();
        Optional<Cursor> cursor = Optional.empty();
        do {
            Page<Step> page = steps.list(
                    caller,
                    run.run().id(),
                    new ReadStepsUseCase.Query(Optional.empty(), Optional.empty()),
                    new PageRequest(PageRequest.MAX_LIMIT, cursor));
            all.addAll(page.items());
            cursor = page.next();
        } while (cursor.isPresent());
        return all;
    }

    /** Each step's place in the run's log, from 1, by its ref: what its {@code STEP_<run>_NN} id counts. */
    static Map<String, Integer> positions(List<Step> all) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            positions.put(all.get(i).ref().toString(), i + 1);
        }
        return positions;
    }

    /**
     * The step a {@code STEP_…} id names: the step logged under that id (its instance, as {@code
     * pipeline_logs} stores it), else the step at its place in the run's log.
     */
    static Optional<Step> byStepId(List<Step> all, String runId, String stepId) {
        Optional<Step> logged =
                all.stream().filter(s -> s.entry().instance().equals(stepId)).reduce((a, b) -> b);
        if (logged.isPresent()) {
            return logged;
        }
        String prefix = "STEP_" + runId + "_";
        if (!stepId.startsWith(prefix) || !stepId.substring(prefix.length()).matches("[0-9]{1,6}")) {
            return Optional.empty();
        }
        int position = Integer.parseInt(stepId.substring(prefix.length()));
        return position >= 1 && position <= all.size() ? Optional.of(all.get(position - 1)) : Optional.empty();
    }

    /** The run id inside a {@code STEP_<run>_NN} id, if it has that shape. */
    static Optional<String> runOfStepId(String stepId) {
        var m = java.util.regex.Pattern.compile("STEP_(.+)_[0-9]+").matcher(stepId);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The dossier id the scenario carries: {@code input_data.dossier_id}, which runs/start makes. */
    static Optional<String> dossierId(io.columnline.domain.run.Run run) {
        return run.carriedDossierId();
    }

    /** {@code STEP_<run>_NN}: the origin numbers a run's step rows in the order they were written. */
    static String stepId(String run, int position) {
        return String.format(Locale.ROOT, "STEP_%s_%02d", run, position);
    }
}
