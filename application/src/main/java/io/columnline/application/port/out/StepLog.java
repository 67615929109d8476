package io.columnline.application.port.out;

import io.columnline.application.page.Page;
import io.columnline.application.page.PageRequest;
import io.columnline.domain.run.Run;
import io.columnline.domain.run.Step;
import io.columnline.domain.run.StepEntry.StepRef;
import io.columnline.domain.run.StepStatus;
import io.columnline.domain.run.Totals;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every LLM execution of every run. A step is identified by its run, step key and attempt. */
public interface StepLog {
  /**
   * Stores every step whose identity is free, safely against concurrent writers of the same
   * identity, and answers for each step, in order, what is stored under its identity now.
   */
  List<Appended> append(List<Step> steps);

  /** The steps of the run stored under any of these identities, in no particular order. */
  List<Step> find(Run run, Collection<StepRef> refs);

  /** In the order they were logged (then by key and attempt). */
  Page<Step> list(Run run, Query query, PageRequest page);

  /** The successful attempt with the highest number. */
  Optional<Step> latestSucceeded(Run run, String stepKey);

  /**
   * Per section named by a successful step of the run, the latest such step (by time logged, then
   * attempt): what a dossier publishes as that section.
   */
  Map<String, Step> latestSucceededBySection(Run run);

  /** Per stage name, what its steps added up to; stages without steps are absent. */
  Map<String, Totals> totalsByStage(Run run);

  /** {@code created} is false when the identity was taken: {@code stored} is then the earlier step. */
  record Appended(Step stored, boolean created) {}

  /** Empty parts do not filter. */
  record Query(Optional<String> stage, Optional<StepStatus> status) {}
}
