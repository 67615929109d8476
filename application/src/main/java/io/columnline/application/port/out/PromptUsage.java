package io.columnline.application.port.out;

import io.columnline.domain.prompt.PromptKey;
import java.math.BigDecimal;
import java.util.Map;

/**
 * How much logged steps used each version of a prompt. It is read from the step log, so it is bound
 * by the storage adapter that keeps steps; until one is, version listings show no usage.
 */
public interface PromptUsage {
  /** Usage per version number; versions no step named are absent. */
  Map<Integer, Usage> byVersion(PromptKey key);

  record Usage(long steps, BigDecimal totalCostUsd) {
    public static final Usage NONE = new Usage(0, BigDecimal.ZERO);
  }
}
